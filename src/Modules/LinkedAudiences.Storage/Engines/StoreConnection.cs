using System.Data.Common;

namespace LinkedAudiences.Storage.Engines;

/// <summary>
/// A connection for reads (and the migrator's own statements) whose commands name the tables la_*: the store's
/// <see cref="TablePrefix"/> is applied to each. Disposing closes the connection.
/// </summary>
internal sealed class StoreConnection(DbConnection connection, TablePrefix prefix) : IAsyncDisposable
{
    public DbConnection Connection { get; } = connection;

    public DbCommand CreateCommand(string sql, params (string Name, object? Value)[] parameters) =>
        Connection.CreateCommand(prefix.Apply(sql), parameters);

    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Connection.ExecuteAsync(prefix.Apply(sql), cancellationToken, parameters);

    public Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Connection.ScalarAsync(prefix.Apply(sql), cancellationToken, parameters);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
