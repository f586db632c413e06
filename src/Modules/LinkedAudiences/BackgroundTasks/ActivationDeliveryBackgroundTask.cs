using LinkedAudiences.Services.Activations;
using LinkedAudiences.Services.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrchardCore.BackgroundTasks;

namespace LinkedAudiences.BackgroundTasks;

/// <summary>
/// Every minute, per tenant: takes the new outbox events of each published, enabled activation and delivers what is
/// due (see <see cref="ActivationDelivery.RunTickAsync"/> for how the tick uses its minute). Everything lives in the
/// tenant's delivery store, so a restarted host goes on from there. One tick at a time per instance (a tick that
/// finds the previous one still running waits for it), and the "delivery" lease keeps instances sharing a database
/// from sending the same due events at once.
/// </summary>
[BackgroundTask(
    Title = "Linked Audiences delivery",
    Schedule = "* * * * *",
    Description = "Delivers the activations' events to their destinations, with retries.")]
public sealed class ActivationDeliveryBackgroundTask : IBackgroundTask, IDisposable
{
    public const string LeaseName = "activation-delivery";

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly string _owner = "delivery-" + Guid.NewGuid().ToString("N");

    public async Task DoWorkAsync(IServiceProvider serviceProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serviceProvider);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var delivery = serviceProvider.GetRequiredService<ActivationDelivery>();
            var options = serviceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ActivationDeliveryOptions>>().Value;
            var leases = (await serviceProvider.GetRequiredService<TenantStateStore>().GetAsync(cancellationToken)).Leases;
            if (!await leases.TryAcquireAsync(LeaseName, _owner, options.TickBudget + TimeSpan.FromMinutes(1), cancellationToken))
            {
                return;
            }

            try
            {
                var rounds = await delivery.RunTickAsync(cancellationToken);
                var logger = serviceProvider.GetRequiredService<ILogger<ActivationDeliveryBackgroundTask>>();
                foreach (var (activation, error) in rounds.SelectMany(r => r.Errors).DistinctBy(e => e.Key))
                {
                    logger.LogWarning("Delivering activation {ActivationKey} failed: {Error}", activation, error);
                }
            }
            finally
            {
                await leases.ReleaseAsync(LeaseName, _owner, CancellationToken.None);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
