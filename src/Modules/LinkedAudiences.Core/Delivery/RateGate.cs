namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// A token bucket over a <see cref="TimeProvider"/>: up to one second's worth of events at once, refilled continuously.
/// A pass takes what the bucket holds and leaves the rest due; it never sleeps.
/// </summary>
internal sealed class RateGate(double perSecond, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly double _capacity = Math.Max(1, perSecond);
    private double _tokens = Math.Max(1, perSecond);
    private long _last = time.GetTimestamp();

    public double PerSecond => perSecond;

    public int Take(int wanted)
    {
        lock (_lock)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (time.GetElapsedTime(_last, now).TotalSeconds * perSecond));
            _last = now;
            var granted = (int)Math.Min(wanted, Math.Floor(_tokens));
            _tokens -= granted;
            return granted;
        }
    }

    /// <summary>How long until one more event may go.</summary>
    public TimeSpan UntilNext()
    {
        lock (_lock)
        {
            return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / perSecond);
        }
    }
}
