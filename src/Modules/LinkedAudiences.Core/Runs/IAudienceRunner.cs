namespace LinkedAudiences.Core.Runs;

/// <summary>
/// Runs one audience once, end to end (the run executor implements it; the scheduler and the lifecycle call it).
/// The runner takes the audience's run lease (<see cref="State.ILeaseStore"/>) before it records anything, so two runs
/// of one audience never overlap, also across host instances; a run left unfinished by a dead host is resumed by the
/// next call (same membership version, same messageIds). It records the run in <see cref="State.IRunStore"/> but
/// leaves the audience's lifecycle state (<see cref="State.AudienceState"/>) to its caller.
/// </summary>
public interface IAudienceRunner
{
    /// <returns>
    /// The finished run: <see cref="RunStatus.Succeeded"/>, or <see cref="RunStatus.Failed"/> with the warehouse's
    /// message in <see cref="RunRecord.Error"/>. Null, at once and without recording a run, when another run of this
    /// audience holds the lease.
    /// </returns>
    Task<RunRecord?> RunAsync(string audienceKey, RunTrigger trigger, CancellationToken cancellationToken);
}
