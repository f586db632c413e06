using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// Counts what leaves the warehouse: every row (and every value of it) a query hands to the app. Statements
/// (<see cref="ExecuteAsync"/>) move nothing out and are only counted as calls. Also keeps the time spent per
/// statement (by its first words), to say where a run's warehouse time goes.
/// </summary>
internal sealed class CountingWarehouse(IWarehouse inner) : IWarehouse
{
    private long _rows;
    private long _values;
    private long _queries;
    private long _statements;
    private readonly ConcurrentDictionary<string, double> _seconds = new(StringComparer.Ordinal);

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
        _seconds.Clear();
    }

    /// <summary>The <paramref name="count"/> statements or queries that took longest since the reset, with their seconds.</summary>
    public string Slowest(int count) => string.Join("; ", _seconds
        .OrderByDescending(p => p.Value)
        .Take(count)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value:0.0} s {p.Key}")));

    public Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) =>
        inner.DescribeTablesAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queries);
        var waiting = TimeSpan.Zero;
        await using var rows = inner.QueryAsync(query, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var more = await rows.MoveNextAsync();
            waiting += Stopwatch.GetElapsedTime(started);
            if (!more)
            {
                break;
            }

            Interlocked.Increment(ref _rows);
            Interlocked.Add(ref _values, rows.Current.Length);
            yield return rows.Current;
        }

        Add(query, waiting);
    }

    public async Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _statements);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.ExecuteAsync(query, cancellationToken);
        }
        finally
        {
            Add(query, Stopwatch.GetElapsedTime(started));
        }
    }

    private void Add(SqlQuery query, TimeSpan elapsed)
    {
        var words = string.Join(' ', query.Sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Take(6));
        _seconds.AddOrUpdate(words, elapsed.TotalSeconds, (_, total) => total + elapsed.TotalSeconds);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
