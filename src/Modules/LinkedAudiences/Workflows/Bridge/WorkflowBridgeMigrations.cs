using OrchardCore.Data.Migration;
using YesSql;

namespace LinkedAudiences.Workflows.Bridge;

/// <summary>
/// Stores the bridge's state when the feature is enabled, so the bridge starts at that moment: runs that finished
/// before are history and fire nothing, runs after it fire every event (even ones the first pass comes late for).
/// </summary>
public sealed class WorkflowBridgeMigrations(ISession session, TimeProvider time) : DataMigration
{
    public async Task<int> CreateAsync()
    {
        if (await session.Query<WorkflowBridgeState>().FirstOrDefaultAsync() is null)
        {
            await session.SaveAsync(new WorkflowBridgeState
            {
                StartedAt = time.GetUtcNow().ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return 1;
    }
}
