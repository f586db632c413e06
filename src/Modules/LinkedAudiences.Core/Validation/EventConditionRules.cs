using System.Globalization;
using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Validation;

/// <summary>An event condition: an event source exists, properties and context keys are declared, window and count are sound.</summary>
internal static class EventConditionRules
{
    public static void Check(GraphIndex graph, ValidationErrorList errors, EventCondition condition, string path)
    {
        if (graph.Events is null)
        {
            errors.Add(path, ValidationRules.NoEventSource, "The data graph has no event source ('events'), so event conditions cannot be used.");
        }

        if (string.IsNullOrEmpty(condition.Event))
        {
            errors.Add(path.Prop("event"), ValidationRules.MissingValue, "An event condition must name the event ('event').");
        }

        var filters = condition.Where?.Filters ?? [];
        if (graph.Events is not null)
        {
            CheckFilters(graph, errors, condition.Event, filters, path.Prop("where").Prop("filters"));
        }

        CheckWindow(errors, condition.Window, path.Prop("window"));
        CountRules.Check(errors, condition.Count, path.Prop("count"), filters.Count > 0, "event properties");
    }

    private static void CheckFilters(GraphIndex graph, ValidationErrorList errors, string eventName, IReadOnlyList<PropertyFilter> filters, string path)
    {
        for (var i = 0; i < filters.Count; i++)
        {
            var at = path.At(i);
            if (filters[i] is not { } filter)
            {
                errors.Add(at, ValidationRules.MissingValue, "A property filter cannot be null.");
                continue;
            }

            if (graph.EventProperty(filter.Property) is not { } found)
            {
                var known = string.Join(", ", graph.EventPropertyNames());
                errors.Add(at.Prop("property"), ValidationRules.UnknownEventProperty,
                    $"Event property '{filter.Property}' is not declared in the data graph's event source; known: {(known.Length == 0 ? "none" : known)}.");
                continue;
            }

            var (definition, isContext) = found;
            var subject = $"{JsonNames.Of(definition.Type)} {(isContext ? "context key" : "property")} '{definition.Name}' of event '{eventName}'";
            ComparisonRules.Check(graph, errors, at, filter.Operator, filter.Value, filter.Ref, definition.Type, subject, ReferenceScope.EventCondition);
        }
    }

    private static void CheckWindow(ValidationErrorList errors, EventWindow? window, string path)
    {
        if (window is null)
        {
            return;
        }

        var relative = window.WithinLastDays is not null;
        var range = window.From is not null || window.To is not null;
        if (relative == range)
        {
            errors.Add(path, ValidationRules.InvalidWindow, relative
                ? "An event window is either 'withinLastDays' or a date range 'from'/'to', not both."
                : "An event window needs either 'withinLastDays' or a date range 'from'/'to'.");
            return;
        }

        if (window.WithinLastDays is < 0)
        {
            errors.Add(path.Prop("withinLastDays"), ValidationRules.InvalidWindow, string.Create(CultureInfo.InvariantCulture,
                $"A window counts 0 or more days back from the evaluation time; found {window.WithinLastDays}."));
        }
        else if (range && (window.From is null || window.To is null))
        {
            errors.Add(path.Prop(window.From is null ? "from" : "to"), ValidationRules.InvalidWindow,
                "A date range needs both 'from' and 'to' (both days included).");
        }
        else if (window.From > window.To)
        {
            errors.Add(path.Prop("from"), ValidationRules.InvalidWindow, string.Create(CultureInfo.InvariantCulture,
                $"The date range starts ({window.From:yyyy-MM-dd}) after it ends ({window.To:yyyy-MM-dd})."));
        }
    }
}
