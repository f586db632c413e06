using System.Globalization;
using LinkedAudiences.Core.State;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Services.Runs;

/// <summary>
/// An audience's lifecycle state as the run machinery keeps it, on the published content item under this element's
/// name (not a part of the type, so no editor shows it). <see cref="Models.LinkedAudiencePart"/> mirrors Enabled,
/// Status and NextRunAtUtc for the index the admin lists by.
/// </summary>
/// <remarks>
/// On the item, not in a table of its own, so that the LinkedAudienceIndex (status, next run) is updated with it in
/// one YesSql save. It is written in place on the published version (no new content version: a state change is not
/// an edit) with YesSql's concurrency check, and carried over to the next published version by
/// <see cref="Handlers.AudienceRunStateHandler"/>. <see cref="Enabled"/> is what the lifecycle has done; the part's
/// Enabled is what the editor asked for, and publishing a difference enables or disables the audience.
/// </remarks>
public sealed class AudienceRunState : ContentElement
{
    public bool Enabled { get; set; }

    public AudienceStatus Status { get; set; } = AudienceStatus.Disabled;

    public string? StatusReason { get; set; }

    /// <summary>Round-trip text ("O"): content JSON may drop a DateTime's fraction, and the runner compares these to the tick.</summary>
    public string? NextRunAt { get; set; }

    public long? LastMemberCount { get; set; }

    /// <summary>Round-trip text, like <see cref="NextRunAt"/>.</summary>
    public string? LastRunAt { get; set; }

    public AudienceState ToState() => new()
    {
        Enabled = Enabled,
        Status = Status,
        StatusReason = StatusReason,
        NextRunAt = Parse(NextRunAt),
        LastMemberCount = LastMemberCount,
        LastRunAt = Parse(LastRunAt),
    };

    public void Set(AudienceState state)
    {
        Enabled = state.Enabled;
        Status = state.Status;
        StatusReason = state.StatusReason;
        NextRunAt = Format(state.NextRunAt);
        LastMemberCount = state.LastMemberCount;
        LastRunAt = Format(state.LastRunAt);
    }

    public void CopyFrom(AudienceRunState other) => Set(other.ToState());

    private static string? Format(DateTimeOffset? value) => value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
}
