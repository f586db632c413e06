using System.Globalization;
using Fluid;
using Fluid.Values;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Runs;

namespace LinkedAudiences.Liquid;

/// <summary>How the filters read their arguments and shape what they return (objects as dictionaries, camelCase keys).</summary>
internal static class AudienceFilterValues
{
    /// <summary>A key given to a filter: non-empty text of at most <see cref="AudienceTemplateData.MaxKeyLength"/> characters, else null.</summary>
    public static string? Key(FluidValue value)
    {
        if (value.IsNil())
        {
            return null;
        }

        var text = value.ToStringValue().Trim();
        return text.Length is > 0 and <= AudienceTemplateData.MaxKeyLength ? text : null;
    }

    /// <summary>A comma-separated list of names ("plan, lifetime_value"), empty entries dropped.</summary>
    public static IReadOnlyList<string> Names(FluidValue value) =>
        value.IsNil()
            ? []
            : [.. value.ToStringValue().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    public static FluidValue Run(RunRecord run, TemplateOptions options) => FluidValue.Create(new Dictionary<string, object?>
    {
        ["runId"] = run.RunId,
        ["status"] = run.Status.ToString(),
        ["trigger"] = run.Trigger.ToString(),
        ["queuedAt"] = run.QueuedAt,
        ["startedAt"] = run.StartedAt,
        ["finishedAt"] = run.FinishedAt,
        ["membershipVersion"] = run.MembershipVersion,
        ["members"] = run.Summary.Members,
        ["changes"] = new Dictionary<string, object?>
        {
            ["entered"] = run.Summary.Entered,
            ["exited"] = run.Summary.Exited,
            ["entitiesEntered"] = run.Summary.EntitiesEntered,
            ["entitiesExited"] = run.Summary.EntitiesExited,
            ["valuesChanged"] = run.Summary.ValuesChanged,
        },
        ["error"] = run.Error is null ? null : AudienceTemplateData.Cap(run.Error),
    }, options);

    public static FluidValue Values(EnrichmentValues values, TemplateOptions options)
    {
        var traits = values.Traits.ToDictionary(t => t.Name, t => Plain(t.Value), StringComparer.Ordinal);
        var entities = values.Entities.ToDictionary(
            e => e.Entity,
            e => (object?)e.Rows.Select(r => new Dictionary<string, object?>
            {
                ["key"] = r.Key,
                ["values"] = r.Columns.ToDictionary(c => c.Name, c => Plain(c.Value), StringComparer.Ordinal),
            }).ToList(),
            StringComparer.Ordinal);
        return FluidValue.Create(new Dictionary<string, object?> { ["traits"] = traits, ["entities"] = entities }, options);
    }

    /// <summary>Warehouse values as Liquid knows them: dates and times as ISO text, timestamps as UTC date-times, long text cut.</summary>
    private static object? Plain(object? value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTime stamp => new DateTimeOffset(DateTime.SpecifyKind(stamp, DateTimeKind.Utc)),
        _ => AudienceTemplateData.Cap(value),
    };
}
