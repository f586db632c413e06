using System.Data.Common;

namespace LinkedAudiences.Storage.Engines;

/// <summary>
/// A connection with an open write transaction. Disposing without <see cref="CommitAsync"/> rolls back, so an
/// exception anywhere in a store method leaves nothing behind. Statements name the tables la_*; the store's
/// <see cref="TablePrefix"/> is applied to each.
/// </summary>
internal sealed class WriteScope(DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate, TablePrefix prefix) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand(prefix.Apply(sql), parameters);
        command.Transaction = Transaction;
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
        finally
        {
            gate?.Release();
        }
    }
}
