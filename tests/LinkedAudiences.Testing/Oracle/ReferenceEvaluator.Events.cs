using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Event conditions: briefing rule 7.</summary>
public sealed partial class ReferenceEvaluator
{
    private bool EventConditionHolds(EventCondition condition, ProfileRow profile, Evaluation evaluation)
    {
        var source = _graph.Events ?? throw new InvalidOperationException("The data graph declares no events.");
        var n = 0;
        foreach (var row in _eventsByProfile.GetValueOrDefault(profile.Key!, []))
        {
            // The event name is matched case-sensitively, like every string (SEMANTICS 10).
            if (string.Equals(row.Name, condition.Event, StringComparison.Ordinal)
                && EventWhereHolds(condition.Where, row, profile, source)
                && EventWindowHolds(condition.Window, row, evaluation))
            {
                n++;
            }
        }

        // Counted as entity rows are (rule 4 without aggregates): no count means at least one.
        return condition.Count is { } count ? CountHolds(count, n) : n >= 1;
    }

    private bool EventWhereHolds(PropertyFilterGroup? where, EventRow row, ProfileRow profile, Core.Graph.EventSource source)
    {
        if (where is null || where.Filters.Count == 0)
        {
            return true;
        }

        return Combine(where.Operator, where.Filters, filter =>
        {
            var (property, isContext) = source.FindProperty(filter.Property)
                ?? throw new InvalidOperationException($"Unknown event property {filter.Property}.");
            RequireOperator(property.Type, filter.Operator, $"Event filter on {filter.Property}");
            // Event filters may reference profile traits only (the seeds' "Event conditions" section).
            var right = RightSide(filter.Value, filter.Ref, property.Type, Scope.Of(profile), allowEntityColumns: false, $"Event filter on {filter.Property}");
            return Comparisons.Compare(property.Type, row.Property(property, isContext), filter.Operator, right);
        });
    }

    /// <summary>
    /// SEMANTICS 2: withinLastDays N keeps asOf − N days ≤ ts ≤ asOf; between dates keeps from ≤ date(ts) ≤ to, both ends included.
    /// </summary>
    private static bool EventWindowHolds(EventWindow? window, EventRow row, Evaluation evaluation)
    {
        if (window is null)
        {
            return true;
        }

        if (row.Timestamp is not { } ts)
        {
            return false;
        }

        if (window.WithinLastDays is { } days)
        {
            if (window.From is not null || window.To is not null)
            {
                throw new InvalidOperationException("An event window is either within the last N days or between dates, not both.");
            }

            var (from, to) = TimeWindows.LastDays(evaluation.AsOf, days);
            return from <= ts && ts <= to;
        }

        if (window is { From: { } fromDate, To: { } toDate })
        {
            var date = DateOnly.FromDateTime(ts);
            return fromDate <= date && date <= toDate;
        }

        throw new InvalidOperationException("An event window needs withinLastDays, or both from and to.");
    }
}
