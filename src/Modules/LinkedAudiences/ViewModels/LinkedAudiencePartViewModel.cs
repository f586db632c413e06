using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.ViewModels;

// Not sealed: Orchard builds shapes as proxies of their view model.
public class LinkedAudiencePartViewModel
{
    public string? Key { get; set; }

    public string? GraphKey { get; set; }

    public string? Definition { get; set; }

    public bool Enabled { get; set; }

    public RunScheduleKind ScheduleKind { get; set; }

    public int? IntervalMinutes { get; set; }

    public List<DayOfWeek> Days { get; set; } = [];

    public string? TimeOfDay { get; set; }

    public bool KeyLocked { get; set; }

    public string? PublishedTarget { get; set; }

    public AudienceStatus Status { get; set; }

    public DateTime? NextRunAtUtc { get; set; }

    /// <summary>Enabling and disabling needs the run permission; others see the flag read-only.</summary>
    public bool CanRun { get; set; }

    public IReadOnlyList<string> GraphKeys { get; set; } = [];

    /// <summary>The builder's context as JSON: published graphs by key and the other audiences' keys (never posted back).</summary>
    public string BuilderContextJson { get; set; } = "{}";
}
