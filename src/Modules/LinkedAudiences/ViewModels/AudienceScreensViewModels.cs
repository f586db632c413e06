using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Scheduling;
using LinkedAudiences.Core.State;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Audiences;

namespace LinkedAudiences.ViewModels;

/// <summary>Audiences → Audiences: every audience with its status, size, next and last run and folder.</summary>
public sealed class AudienceListViewModel
{
    public IReadOnlyList<AudienceListRow> Audiences { get; init; } = [];

    /// <summary>Every folder in use, for the filter.</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];

    /// <summary>The folder filtered by; null shows all.</summary>
    public string? Folder { get; init; }

    public bool CanEdit { get; init; }
}

public sealed record AudienceListRow(
    string ContentItemId, string Name, string Key, bool Published, AudienceStatus Status, long? Members,
    DateTimeOffset? NextRunAt, DateTimeOffset? LastRunAt, string? Folder);

/// <summary>What every tab of one audience shows in its header, and which actions the user may take.</summary>
public abstract class AudienceScreenViewModel
{
    public required AudienceSummary Audience { get; init; }

    public bool CanEdit { get; init; }

    public bool CanRun { get; init; }

    /// <summary>The tab shown: Overview, Builder, Runs, Settings, Consumers or Alerts.</summary>
    public abstract string Tab { get; }
}

public sealed class AudienceOverviewScreenViewModel : AudienceScreenViewModel
{
    public override string Tab => "Overview";

    public RunRecord? LatestRun { get; init; }

    public required AudienceExplorerPage Explorer { get; init; }

    public IReadOnlyList<AudienceActivationRow> Activations { get; init; } = [];

    /// <summary>Why Delete was refused: the consumers, one line each (empty unless a delete was just refused).</summary>
    public IReadOnlyList<string> DeleteRefusedBy { get; init; } = [];
}

public sealed class AudienceRunsScreenViewModel : AudienceScreenViewModel
{
    public override string Tab => "Runs";

    public IReadOnlyList<RunRecord> Runs { get; init; } = [];
}

public sealed class AudienceSettingsScreenViewModel : AudienceScreenViewModel
{
    public override string Tab => "Settings";

    public required AudienceSettingsInput Input { get; init; }
}

public sealed class AudienceConsumersScreenViewModel : AudienceScreenViewModel
{
    public override string Tab => "Consumers";

    public IReadOnlyList<AudienceConsumerRow> Audiences { get; init; } = [];

    public IReadOnlyList<AudienceActivationRow> Activations { get; init; } = [];
}

public sealed class AudienceAlertsScreenViewModel : AudienceScreenViewModel
{
    public override string Tab => "Alerts";

    public IReadOnlyList<AudienceAlertRule> Rules { get; init; } = [];

    public IReadOnlyList<AudienceAlertNotice> Notices { get; init; } = [];

    public required AudienceAlertInput Input { get; init; }
}

/// <summary>An audience consuming this one through a part-of-audience condition.</summary>
public sealed record AudienceConsumerRow(string Key, string? Name, string? ContentItemId, IReadOnlyList<AudienceReferenceMode> Modes);

public sealed record AudienceActivationRow(string ContentItemId, string Name, string DestinationKind, string Trigger, bool Enabled, bool Published);

/// <summary>The Settings tab's form (posted as Input.*).</summary>
public sealed class AudienceSettingsInput
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Folder { get; set; }

    public RunScheduleKind ScheduleKind { get; set; }

    public int? IntervalMinutes { get; set; }

    public List<DayOfWeek> Days { get; set; } = [];

    /// <summary>HH:mm, UTC.</summary>
    public string? TimeOfDay { get; set; }

    public static AudienceSettingsInput From(AudienceSummary audience) => new()
    {
        Name = audience.Name,
        Description = audience.Part.Description,
        Folder = audience.Part.Folder,
        ScheduleKind = audience.Part.ScheduleKind,
        IntervalMinutes = audience.Part.IntervalMinutes,
        Days = [.. audience.Part.Days ?? []],
        TimeOfDay = audience.Part.TimeOfDay,
    };
}

/// <summary>The Alerts tab's "Create alert" form (posted as Input.*).</summary>
public sealed class AudienceAlertInput
{
    public double? ThresholdPercent { get; set; }

    public string Channel { get; set; } = AudienceAlertChannels.InApp;

    public string? Target { get; set; }
}
