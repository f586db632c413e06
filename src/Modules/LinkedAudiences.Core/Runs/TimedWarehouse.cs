using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Core.Runs;

/// <summary>
/// A run's view of the warehouse: every statement (and the reading of every query) bounded by the timeout, the time
/// spent waiting on the warehouse added up (the "extracting" stage), and a timeout reported as such.
/// </summary>
internal sealed class TimedWarehouse(IWarehouse inner, TimeSpan? timeout, TimeProvider time) : IWarehouse
{
    private long _waitingTicks;

    public SqlDialect Dialect => inner.Dialect;

    /// <summary>Time spent inside warehouse calls so far.</summary>
    public TimeSpan Waiting => TimeSpan.FromTicks(Interlocked.Read(ref _waitingTicks));

    public Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) =>
        inner.DescribeTablesAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var bounded = Bound(cancellationToken);
        await using var rows = inner.QueryAsync(query, bounded.Token).GetAsyncEnumerator(bounded.Token);
        while (true)
        {
            bool more;
            var started = time.GetTimestamp();
            try
            {
                more = await rows.MoveNextAsync();
            }
            catch (Exception e) when (TimedOut(bounded, cancellationToken))
            {
                throw Timeout(e);
            }
            finally
            {
                Add(started);
            }

            if (!more)
            {
                yield break;
            }

            yield return rows.Current;
        }
    }

    public async Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken)
    {
        using var bounded = Bound(cancellationToken);
        var started = time.GetTimestamp();
        try
        {
            return await inner.ExecuteAsync(query, bounded.Token);
        }
        catch (Exception e) when (TimedOut(bounded, cancellationToken))
        {
            throw Timeout(e);
        }
        finally
        {
            Add(started);
        }
    }

    // The runner owns the warehouse connection; disposing its view must not close it.
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private CancellationTokenSource Bound(CancellationToken cancellationToken)
    {
        var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            bounded.CancelAfter(limit);
        }

        return bounded;
    }

    private static bool TimedOut(CancellationTokenSource bounded, CancellationToken outer) =>
        bounded.IsCancellationRequested && !outer.IsCancellationRequested;

    private WarehouseTimeoutException Timeout(Exception inner) =>
        new($"The warehouse did not answer within {timeout}.", inner);

    private void Add(long started) => Interlocked.Add(ref _waitingTicks, time.GetElapsedTime(started).Ticks);
}

/// <summary>A warehouse statement outlasted <see cref="AudienceRunnerOptions.WarehouseTimeout"/>.</summary>
public sealed class WarehouseTimeoutException : TimeoutException
{
    public WarehouseTimeoutException()
    {
    }

    public WarehouseTimeoutException(string message)
        : base(message)
    {
    }

    public WarehouseTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
