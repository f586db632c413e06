using YesSql.Indexes;

namespace LinkedAudiences.Indexes;

/// <summary>What the module queries audiences by: key, graph, enabled, schedule, next run, status.</summary>
public sealed class LinkedAudienceIndex : MapIndex
{
    public string ContentItemId { get; set; } = string.Empty;

    public string AudienceKey { get; set; } = string.Empty;

    public string GraphKey { get; set; } = string.Empty;

    public bool Enabled { get; set; }

    /// <summary>manual, interval or dayAndTime.</summary>
    public string ScheduleKind { get; set; } = string.Empty;

    public DateTime? NextRunAtUtc { get; set; }

    /// <summary>Disabled, Computing, Live or Failed.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The audience list's folder filter; null when the audience is in no folder.</summary>
    public string? Folder { get; set; }

    public bool Published { get; set; }

    public bool Latest { get; set; }
}
