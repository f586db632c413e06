using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// The warehouse as the change reader sees it when a checkpoint is set: every row read passes
/// <see cref="RunCheckpoints.Change"/> first, so a crash test can stop a run in the middle of spooling its events.
/// Only used when <see cref="AudienceRunnerOptions.Checkpoint"/> is set, so ordinary runs pay nothing.
/// </summary>
internal sealed class CheckpointWarehouse(IWarehouse inner, Func<string, CancellationToken, ValueTask> checkpoint) : IWarehouse
{
    public SqlDialect Dialect => inner.Dialect;

    public Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) =>
        inner.DescribeTablesAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in inner.QueryAsync(query, cancellationToken))
        {
            await checkpoint(RunCheckpoints.Change, cancellationToken);
            yield return row;
        }
    }

    public Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken) => inner.ExecuteAsync(query, cancellationToken);

    // The runner owns the warehouse connection; disposing this view must not close it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
