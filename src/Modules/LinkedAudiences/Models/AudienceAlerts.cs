namespace LinkedAudiences.Models;

/// <summary>
/// An audience-size change alert as the Alerts tab stores it on the audience: fire when the member count moved by
/// more than <see cref="ThresholdPercent"/> against 24 hours before, to one channel.
/// </summary>
public sealed class AudienceAlertRule
{
    /// <summary>Short id, unique within the audience.</summary>
    public string Id { get; set; } = string.Empty;

    public double ThresholdPercent { get; set; }

    /// <summary>inApp, slack or email (<see cref="AudienceAlertChannels"/>).</summary>
    public string Channel { get; set; } = AudienceAlertChannels.InApp;

    /// <summary>The Slack incoming-webhook URL or the email address; null for in-app.</summary>
    public string? Target { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>The last run this rule was evaluated after: each run is evaluated once.</summary>
    public string? LastRunId { get; set; }
}

/// <summary>A fired in-app alert.</summary>
public sealed class AudienceAlertNotice
{
    public string RuleId { get; set; } = string.Empty;

    /// <summary>Round-trip UTC text ("O").</summary>
    public string At { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;
}

public static class AudienceAlertChannels
{
    public const string InApp = "inApp";
    public const string Slack = "slack";
    public const string Email = "email";

    public static IReadOnlyList<string> All { get; } = [InApp, Slack, Email];
}

public static class AudienceFolders
{
    public const int MaxLength = 100;
}
