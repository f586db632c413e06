using LinkedAudiences.Core.Activations;

namespace LinkedAudiences.Core.Delivery;

/// <summary>
/// When a failed attempt is tried again: exponential backoff from the policy's initial delay, capped, with "equal
/// jitter" (between half and all of it) so that many events failing together do not come back together. A
/// destination's Retry-After wins when it asks for longer.
/// </summary>
public static class RetrySchedule
{
    public static TimeSpan Delay(DeliveryPolicy policy, int attempts, TimeSpan? retryAfter, Random jitter)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(jitter);
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min(policy.MaxBackoff.Ticks, policy.InitialBackoff.Ticks * Math.Pow(2, exponent));
        var backoff = TimeSpan.FromTicks((long)(ticks * (0.5 + (jitter.NextDouble() * 0.5))));
        return retryAfter is { } asked && asked > backoff ? asked : backoff;
    }
}
