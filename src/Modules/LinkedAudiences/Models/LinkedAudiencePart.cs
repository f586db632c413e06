using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Models;

/// <summary>A linked audience: its definition JSON, the graph it reads, its schedule and lifecycle state.</summary>
public sealed class LinkedAudiencePart : ContentPart
{
    /// <summary>What part-of-audience conditions and activations name the audience by; fixed once published.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The <see cref="DataGraphPart.Key"/> of the graph the definition is written against.</summary>
    public string GraphKey { get; set; } = string.Empty;

    public string Definition { get; set; } = string.Empty;

    public bool Enabled { get; set; }

    public RunScheduleKind ScheduleKind { get; set; } = RunScheduleKind.Manual;

    public int? IntervalMinutes { get; set; }

    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>HH:mm, UTC.</summary>
    public string? TimeOfDay { get; set; }

    /// <summary>The target at the first publish ("profile" or "entity:NAME"); the seeds forbid changing it afterwards.</summary>
    public string? PublishedTarget { get; set; }

    /// <summary>The key at the first publish.</summary>
    public string? PublishedKey { get; set; }

    /// <summary>Written by the run machinery, read by the admin and the index.</summary>
    public AudienceStatus Status { get; set; } = AudienceStatus.Disabled;

    public DateTime? NextRunAtUtc { get; set; }

    /// <summary>What the audience is for, shown on its Settings tab and in the audience list.</summary>
    public string? Description { get; set; }

    /// <summary>The folder the audience list files it under (null: no folder).</summary>
    public string? Folder { get; set; }

    /// <summary>Audience-size change alerts, kept with the audience (the Alerts tab edits them).</summary>
    public List<AudienceAlertRule> Alerts { get; set; } = [];

    /// <summary>In-app alerts that fired, newest first (the Alerts tab lists them; capped).</summary>
    public List<AudienceAlertNotice> AlertNotices { get; set; } = [];
}
