using System.Data.Common;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.Tests.Runs;

/// <summary>A warehouse that lets a test stop, delay or fail statements before they reach the real one.</summary>
internal sealed class InterceptingWarehouse(IWarehouse inner) : IWarehouse
{
    public Func<SqlQuery, CancellationToken, Task>? BeforeExecute { get; set; }

    public SqlDialect Dialect => inner.Dialect;

    public Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) => inner.DescribeTablesAsync(cancellationToken);

    public IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, CancellationToken cancellationToken) => inner.QueryAsync(query, cancellationToken);

    public async Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken)
    {
        if (BeforeExecute is { } before)
        {
            await before(query, cancellationToken);
        }

        return await inner.ExecuteAsync(query, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>What a driver throws for a failed statement.</summary>
internal sealed class TestDbException(string message) : DbException(message);
