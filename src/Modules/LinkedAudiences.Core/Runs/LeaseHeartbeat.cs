using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// Keeps a run's lease alive while it works (renewing every third of its duration) and cancels <see cref="Lost"/>
/// when a renewal is refused: another host may have taken the audience over, so the run must not commit.
/// </summary>
internal sealed class LeaseHeartbeat : IAsyncDisposable
{
    private readonly ILeaseStore _leases;
    private readonly string _name;
    private readonly string _owner;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _lost = new();
    private readonly Task _loop;

    public LeaseHeartbeat(ILeaseStore leases, string name, string owner, TimeSpan duration, TimeProvider time)
    {
        _leases = leases;
        _name = name;
        _owner = owner;
        _duration = duration;
        _loop = RenewAsync(new PeriodicTimer(duration / 3, time));
    }

    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync(PeriodicTimer timer)
    {
        using (timer)
        {
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token))
                {
                    bool renewed;
                    try
                    {
                        renewed = await _leases.RenewAsync(_name, _owner, _duration, _stop.Token);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The store may be briefly unreachable; the lease is still ours until it expires, and the
                        // next renewal tells whether it did.
                        continue;
                    }

                    if (!renewed)
                    {
                        await _lost.CancelAsync();
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }
    }
}
