namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// Site settings of the bridge (recipe: <c>{"name":"settings","WorkflowBridgeSettings":{"MaxWorkflowStartsPerRun":1000,"AudienceLimits":{"key":50}}}</c>).
/// A run's change events start workflows until the run's starts reach its audience's limit; the rest of its change
/// events are skipped and only <c>Audience run completed</c> fires, with the counts, so a 100k-profile first run
/// cannot flood the site.
/// </summary>
public sealed class WorkflowBridgeSettings
{
    public const int DefaultMaxWorkflowStartsPerRun = 1000;

    public int MaxWorkflowStartsPerRun { get; set; } = DefaultMaxWorkflowStartsPerRun;

    /// <summary>Per-audience limits by audience key, overriding <see cref="MaxWorkflowStartsPerRun"/>.</summary>
    public Dictionary<string, int> AudienceLimits { get; set; } = new(StringComparer.Ordinal);

    public int LimitFor(string audienceKey) =>
        AudienceLimits.TryGetValue(audienceKey, out var limit) ? limit : MaxWorkflowStartsPerRun;
}
