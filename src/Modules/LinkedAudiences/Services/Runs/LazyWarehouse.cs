using System.Data.Common;
using System.Runtime.CompilerServices;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Services.Runs;

/// <summary>
/// The site's warehouse, opened on its first use: a scheduler tick with nothing due never connects, and a warehouse
/// that cannot be opened (or none configured) fails the run that needed it, with the reason, instead of every
/// admin action.
/// </summary>
public sealed class LazyWarehouse(string? warehouseKind, Func<CancellationToken, Task<IWarehouse?>> open) : IWarehouse
{
    private IWarehouse? _warehouse;

    public SqlDialect Dialect { get; } = string.Equals(warehouseKind, WarehouseLocation.Postgres, StringComparison.Ordinal)
        ? PostgreSqlDialect.Instance
        : DuckDbDialect.Instance;

    public async Task<IReadOnlyList<WarehouseTable>> DescribeTablesAsync(CancellationToken cancellationToken) =>
        await (await OpenAsync(cancellationToken)).DescribeTablesAsync(cancellationToken);

    public async IAsyncEnumerable<object?[]> QueryAsync(SqlQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var warehouse = await OpenAsync(cancellationToken);
        await foreach (var row in warehouse.QueryAsync(query, cancellationToken))
        {
            yield return row;
        }
    }

    public async Task<int> ExecuteAsync(SqlQuery query, CancellationToken cancellationToken) =>
        await (await OpenAsync(cancellationToken)).ExecuteAsync(query, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_warehouse is not null)
        {
            await _warehouse.DisposeAsync();
            _warehouse = null;
        }
    }

    private async Task<IWarehouse> OpenAsync(CancellationToken cancellationToken)
    {
        if (_warehouse is not null)
        {
            return _warehouse;
        }

        try
        {
            return _warehouse = await open(cancellationToken)
                ?? throw new WarehouseConnectionException("No warehouse is configured: set one under Settings → Linked Audiences.");
        }
        catch (WarehouseUnavailableException e)
        {
            throw new WarehouseConnectionException(e.Message, e);
        }
    }
}

/// <summary>
/// The warehouse could not be opened. A database error to the runner, so the run ends Failed with this message (and
/// the last good snapshot stays) like any other warehouse failure, instead of being left unfinished.
/// </summary>
public sealed class WarehouseConnectionException : DbException
{
    public WarehouseConnectionException()
    {
    }

    public WarehouseConnectionException(string message)
        : base(message)
    {
    }

    public WarehouseConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
