namespace LinkedAudiences.Services.Activations;

/// <summary>
/// How the delivery background task uses its minute (tenant configuration section LinkedAudiences:Delivery, e.g. OrchardCore__LinkedAudiences__Delivery__TickBudget).
/// Orchard ticks background tasks at most once a minute, so a tick keeps delivering while there is work due now
/// (a backlog larger than one pass) and waits in-tick for retries due within <see cref="RetryWaitWithinTick"/>;
/// a retry due later goes out on the first tick after it is due (its backoff is a lower bound, late by up to a minute).
/// </summary>
public sealed class ActivationDeliveryOptions
{
    public const string Section = "LinkedAudiences:Delivery";

    /// <summary>The longest one tick keeps delivering (default 40 s, leaving the rest of the minute to other tasks).</summary>
    public TimeSpan TickBudget { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>A retry due within this is waited for inside the tick instead of the next tick (default 10 s).</summary>
    public TimeSpan RetryWaitWithinTick { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Outbox entries read per page (default 1000).</summary>
    public int OutboxPageSize { get; set; } = 1000;

    /// <summary>Due events sent per activation and pass (default 5000).</summary>
    public int MaxEventsPerPass { get; set; } = 5000;
}
