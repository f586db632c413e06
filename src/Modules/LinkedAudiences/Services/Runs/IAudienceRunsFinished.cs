namespace LinkedAudiences.Services.Runs;

/// <summary>
/// Told after a scope whose <see cref="AudienceRuns"/> finished a run (Run now, enable, a scheduler pass) has ended,
/// in a scope of its own. Optional: a feature that reacts to runs (the workflow bridge) registers one; the module
/// itself registers none, so it does not depend on that feature.
/// </summary>
public interface IAudienceRunsFinished
{
    Task RunsFinishedAsync(CancellationToken cancellationToken);
}
