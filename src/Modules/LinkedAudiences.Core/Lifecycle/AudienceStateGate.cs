using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>
/// Read-modify-write of one audience's lifecycle state under a short lease, so that hosts sharing a state store (and
/// concurrent callers in one host) never act on a state another one has just changed: the scheduler's "is it due?"
/// and "mark it computing" happen as one step.
/// </summary>
internal sealed class AudienceStateGate(IAudienceStore audiences, ILeaseStore leases)
{
    // Held only for one read and one write; the expiry covers a holder that died in between.
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    // The gate is held for milliseconds, so waiting polls the real clock briefly (a fake test clock never moves by itself).
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    private const int WaitAttempts = 1000;

    public static string LeaseName(string audienceKey) => "audience-state:" + audienceKey;

    /// <summary>
    /// Reads the audience, asks <paramref name="change"/> for its next state (null: leave it) and saves it, all under the lease.
    /// </summary>
    /// <param name="wait">False: give up at once when another caller holds the gate (the scheduler retries on its next tick).</param>
    public async Task<GateResult> UpdateAsync(
        string audienceKey, Func<StoredAudience, AudienceState?> change, bool wait, CancellationToken cancellationToken)
    {
        var name = LeaseName(audienceKey);
        // A fresh owner per call: the same process must not pass its own gate twice.
        var owner = Guid.NewGuid().ToString("N");
        var attempts = 0;
        while (!await leases.TryAcquireAsync(name, owner, Hold, cancellationToken))
        {
            if (!wait)
            {
                return GateResult.Busy;
            }

            if (++attempts >= WaitAttempts)
            {
                throw new TimeoutException($"The state of audience '{audienceKey}' stayed locked by another operation; try again.");
            }

            await Task.Delay(Poll, cancellationToken);
        }

        try
        {
            var audience = await audiences.GetAudienceAsync(audienceKey, null, cancellationToken);
            if (audience is null)
            {
                return GateResult.NotFound;
            }

            var next = change(audience);
            if (next is null || next == audience.State)
            {
                return new GateResult(GateOutcome.Unchanged, audience);
            }

            await audiences.UpdateStateAsync(audienceKey, next, cancellationToken);
            return new GateResult(GateOutcome.Changed, audience with { State = next });
        }
        finally
        {
            // Released even when the caller gave up: an unreleased gate would block the audience until it expires.
            await leases.ReleaseAsync(name, owner, CancellationToken.None);
        }
    }
}

internal enum GateOutcome
{
    Busy,
    NotFound,
    Unchanged,
    Changed,
}

/// <param name="Audience">The audience with the state as it is after the call.</param>
internal sealed record GateResult(GateOutcome Outcome, StoredAudience? Audience)
{
    public static readonly GateResult Busy = new(GateOutcome.Busy, null);

    public static readonly GateResult NotFound = new(GateOutcome.NotFound, null);
}
