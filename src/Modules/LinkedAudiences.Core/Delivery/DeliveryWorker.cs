using LinkedAudiences.Core.Activations;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// The host's delivery loop: each round lists the activations, runs one pass of every enabled one whose next due time
/// has come (new outbox events are taken on every pass, so an activation waiting for a retry still picks up a new
/// run's events when the poll interval comes round), then sleeps until the earliest due time, at most
/// <see cref="DeliveryWorkerOptions.PollInterval"/>. A pass that throws is recorded in the round and retried after
/// <see cref="DeliveryWorkerOptions.ErrorDelay"/>; the other activations go on.
/// </summary>
public sealed class DeliveryWorker
{
    private readonly ActivationDeliverer _deliverer;
    private readonly Func<CancellationToken, Task<IReadOnlyList<Activation>>> _activations;
    private readonly TimeProvider _time;
    private readonly DeliveryWorkerOptions _options;
    private readonly Dictionary<string, DateTimeOffset> _nextDue = new(StringComparer.Ordinal);

    /// <param name="activations">Lists the host's activations (disabled ones are skipped here).</param>
    public DeliveryWorker(ActivationDeliverer deliverer, Func<CancellationToken, Task<IReadOnlyList<Activation>>> activations, TimeProvider time, DeliveryWorkerOptions? options = null)
    {
        _deliverer = deliverer ?? throw new ArgumentNullException(nameof(deliverer));
        _activations = activations ?? throw new ArgumentNullException(nameof(activations));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _options = options ?? new();
    }

    /// <summary>Rounds until cancelled (the host's background service calls this once).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var round = await RunRoundAsync(cancellationToken);
            if (round.Delay > TimeSpan.Zero)
            {
                await Task.Delay(round.Delay, _time, cancellationToken);
            }
        }
    }

    /// <summary>One round: a pass for every enabled activation that is due; says how long to wait before the next.</summary>
    public async Task<DeliveryRound> RunRoundAsync(CancellationToken cancellationToken)
    {
        var activations = await _activations(cancellationToken);
        var now = _time.GetUtcNow();
        var passes = new Dictionary<string, DeliveryPass>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var activation in activations.Where(a => a.Enabled))
        {
            known.Add(activation.Key);
            if (_nextDue.TryGetValue(activation.Key, out var due) && due > now)
            {
                continue;
            }

            try
            {
                var pass = await _deliverer.RunOnceAsync(activation, cancellationToken);
                passes[activation.Key] = pass;
                _nextDue[activation.Key] = Earliest(pass.NextDueAt, _time.GetUtcNow() + _options.PollInterval);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                errors[activation.Key] = e.Message;
                _nextDue[activation.Key] = _time.GetUtcNow() + _options.ErrorDelay;
            }
        }

        // Forget activations that were deleted or disabled, so re-enabling one is served at once.
        foreach (var key in _nextDue.Keys.Where(k => !known.Contains(k)).ToList())
        {
            _nextDue.Remove(key);
        }

        var after = _time.GetUtcNow();
        var next = _nextDue.Values.Append(after + _options.PollInterval).Min();
        return new DeliveryRound(passes, errors, next > after ? next - after : TimeSpan.Zero);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}

/// <summary>What one round did: the pass of each activation served, the error of each that failed, and the wait before the next round.</summary>
public sealed record DeliveryRound(IReadOnlyDictionary<string, DeliveryPass> Passes, IReadOnlyDictionary<string, string> Errors, TimeSpan Delay);

public sealed record DeliveryWorkerOptions
{
    /// <summary>The longest wait between rounds: how soon a new run's events are taken (default 5 s).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an activation whose pass threw waits before the next try (default 30 s).</summary>
    public TimeSpan ErrorDelay { get; init; } = TimeSpan.FromSeconds(30);
}
