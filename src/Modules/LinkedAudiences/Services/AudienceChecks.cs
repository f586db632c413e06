using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.Validation;
using LinkedAudiences.Models;
using Microsoft.Extensions.Localization;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services;

/// <summary>
/// What publishing an audience requires: a free, stable key; a published graph that still matches the warehouse (when
/// one is configured); a definition the engine's validator accepts against that graph and the other published
/// audiences; the target it was first published with; a valid schedule.
/// </summary>
public sealed class AudienceChecks(
    LinkedAudiencesContent content,
    ContentAudienceCatalog catalog,
    WarehouseConnector warehouse,
    IStringLocalizer<AudienceChecks> localizer)
{
    private readonly IStringLocalizer S = localizer;

    public async Task<IReadOnlyList<FieldError>> CheckAsync(ContentItem item, LinkedAudiencePart part, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(part);
        var errors = new List<FieldError>();
        await KeyChecks.CheckAsync(errors, part.Key, part.PublishedKey, S["audience"], key => content.AudienceKeyTakenAsync(key, item.ContentItemId), S);
        CheckSchedule(part, errors);

        var graph = await FindGraphAsync(part, errors);
        if (graph is not null)
        {
            await CheckGraphAgainstWarehouseAsync(part.GraphKey, graph, errors, cancellationToken);
        }

        var read = DefinitionReader.Read(part.Definition ?? string.Empty);
        if (!read.IsValid)
        {
            errors.AddRange(read.Errors.Select(e => FieldError.FromValidation(nameof(LinkedAudiencePart.Definition), e)));
            return errors;
        }

        var target = TargetName(read.Value.Target);
        if (part.PublishedTarget is { } locked && !string.Equals(locked, target, StringComparison.Ordinal))
        {
            errors.Add(new(nameof(LinkedAudiencePart.Definition), S[
                "$.target: The audience target cannot change after the first publish (it is '{0}', this version says '{1}'); disable or delete this audience and create a new one with the new target. [target-locked]",
                locked, target]));
        }

        if (graph is not null)
        {
            var key = KeyRules.IsValid(part.Key) ? part.Key : null;
            var validation = await AudienceValidator.ValidateAsync(graph, read.Value, catalog, key, cancellationToken);
            errors.AddRange(validation.Errors.Select(e => FieldError.FromValidation(nameof(LinkedAudiencePart.Definition), e)));
        }

        return errors;
    }

    /// <summary>"profile" or "entity:NAME": what the seeds forbid changing once saved.</summary>
    public static string TargetName(AudienceTarget? target) =>
        target is { Type: TargetType.Entity } ? "entity:" + target.Entity : "profile";

    /// <summary>The schedule the part describes; null when its time of day does not parse.</summary>
    public static RunSchedule? Schedule(LinkedAudiencePart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        TimeOnly? time = null;
        if (!string.IsNullOrWhiteSpace(part.TimeOfDay))
        {
            if (!TimeOnly.TryParse(part.TimeOfDay, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return null;
            }

            time = parsed;
        }

        return new RunSchedule { Kind = part.ScheduleKind, IntervalMinutes = part.IntervalMinutes, Days = part.Days ?? [], TimeOfDay = time };
    }

    private async Task<Core.Graph.DataGraph?> FindGraphAsync(LinkedAudiencePart part, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(part.GraphKey))
        {
            errors.Add(new(nameof(LinkedAudiencePart.GraphKey), S["Choose the data graph the audience is built on (its key)."]));
            return null;
        }

        var graphItem = await content.FindPublishedGraphAsync(part.GraphKey);
        var json = graphItem?.GetOrCreate<DataGraphPart>().Graph;
        if (json is null)
        {
            errors.Add(new(nameof(LinkedAudiencePart.GraphKey), S["There is no published data graph with the key '{0}'.", part.GraphKey]));
            return null;
        }

        if (GraphReader.Read(json).Value is not { } graph)
        {
            errors.Add(new(nameof(LinkedAudiencePart.GraphKey), S["The published data graph '{0}' cannot be read; fix and republish it first.", part.GraphKey]));
            return null;
        }

        return graph;
    }

    /// <summary>The graph was checked against the warehouse when published; the warehouse may have changed since.</summary>
    private async Task CheckGraphAgainstWarehouseAsync(string graphKey, Core.Graph.DataGraph graph, List<FieldError> errors, CancellationToken cancellationToken)
    {
        const string field = nameof(LinkedAudiencePart.GraphKey);
        try
        {
            if (await warehouse.DescribeTablesAsync(cancellationToken) is { } tables)
            {
                errors.AddRange(DataGraphValidator.Validate(graph, tables).Errors.Select(e =>
                    new FieldError(field, S["The data graph '{0}' no longer matches the warehouse: {1}", graphKey, FieldError.FromValidation(field, e).Message])));
            }
        }
        catch (WarehouseUnavailableException e)
        {
            errors.Add(new(field, S["The audience cannot be checked against the warehouse: {0} Fix the connection under Configuration → Settings → Linked Audiences.", e.Message]));
        }
    }

    private void CheckSchedule(LinkedAudiencePart part, List<FieldError> errors)
    {
        if (Schedule(part) is not { } schedule)
        {
            errors.Add(new(nameof(LinkedAudiencePart.TimeOfDay), S["The time of day must be HH:mm (UTC)."]));
            return;
        }

        foreach (var error in RunScheduleValidator.Validate(schedule).Errors)
        {
            var field = error.Path switch
            {
                "$.schedule.intervalMinutes" => nameof(LinkedAudiencePart.IntervalMinutes),
                "$.schedule.days" => nameof(LinkedAudiencePart.Days),
                "$.schedule.timeOfDay" => nameof(LinkedAudiencePart.TimeOfDay),
                _ => nameof(LinkedAudiencePart.ScheduleKind),
            };
            errors.Add(new(field, error.Message));
        }
    }
}
