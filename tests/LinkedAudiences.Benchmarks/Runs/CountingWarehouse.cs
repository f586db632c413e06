using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// Counts what leaves the warehouse: every row (and every value of it) a query hands to the app. Statements
/// (<see cref="ExecuteAsync"/>) move nothing out and are only counted as calls.
/// </summary>
internal sealed class CountingWarehouse(IWarehouse inner) : IWarehouse
{
    private long _rows;
    private long _values;
    private long _queries;
    private long _statements;

    public SqlDialect Dialect => inner.Dialect;

    public long Rows => Interlocked.Read(ref _rows);

    public long Values => Interlocked.Read(ref _values);

    public long Queries => Interlocked.Read(ref _queries);

    public long Statements => Interlocked.Read(ref _statements);

    public void Reset()
    {
        Interlocked.Exchange(ref _rows, 0);
        Interlocked.Exchange(ref _values, 0);
        Interlocked.Exchange(ref _queries, 0);
        Interlocked.Exchange(ref _statements, 0);
    }

    public Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) =>
        inner.DescribeTablesAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queries);
        await foreach (var row in inner.QueryAsync(query, cancellationToken))
        {
            Interlocked.Increment(ref _rows);
            Interlocked.Add(ref _values, row.Length);
            yield return row;
        }
    }

    public Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _statements);
        return inner.ExecuteAsync(query, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
