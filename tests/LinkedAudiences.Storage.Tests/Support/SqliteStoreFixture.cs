using LinkedAudiences.Core.State;
using Microsoft.Data.Sqlite;

namespace LinkedAudiences.Storage.Tests.Support;

/// <summary>SQLite files in a folder of their own under the temp directory, deleted afterwards.</summary>
public sealed class SqliteStoreFixture : StoreFixture
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "la-storage-tests", Guid.NewGuid().ToString("N"));

    public override string Engine => "sqlite";

    public override async Task<object?> ScalarAsync(StateStoreLocation location, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location.Value, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    protected override StateStoreLocation CreateLocation(string name) =>
        new(StateStoreLocation.Sqlite, Path.Combine(_folder, "nested", name + ".db"));

    protected override Task DropAsync(StateStoreLocation location)
    {
        if (Directory.Exists(_folder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
