using System.Globalization;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Migrations;

/// <summary>
/// Brings the schema up to the engine's latest step when a store opens. Each step runs in its own transaction and
/// records itself in la_schema_version there, so a crash between steps resumes at the next one; a step another
/// instance applied meanwhile is seen inside the transaction and skipped. Re-opening an up-to-date store runs nothing.
/// </summary>
internal static class Migrator
{
    public static async Task<int> MigrateAsync(StoreEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var migrationLock = await engine.LockMigrationsAsync(connection.Connection, cancellationToken);
        await connection.ExecuteAsync(engine.VersionTable, cancellationToken);

        var latest = engine.Migrations.Max(m => m.Version);
        var applied = await CurrentVersionAsync(connection, cancellationToken);
        if (applied > latest)
        {
            throw new InvalidOperationException(
                $"The {engine.Name} state store is at schema version {applied}, newer than this build knows ({latest}). Upgrade the application, or point it at another store.");
        }

        foreach (var migration in engine.Migrations.Where(m => m.Version > applied).OrderBy(m => m.Version))
        {
            await using var write = await engine.BeginWriteAsync(cancellationToken);
            var done = await write.ScalarAsync("SELECT COUNT(*) FROM la_schema_version WHERE version = @version", cancellationToken, ("version", migration.Version));
            if (Convert.ToInt64(done, CultureInfo.InvariantCulture) > 0)
            {
                continue;
            }

            foreach (var statement in migration.Statements)
            {
                await write.ExecuteAsync(statement, cancellationToken);
            }

            await write.ExecuteAsync(
                "INSERT INTO la_schema_version (version, description, applied_at) VALUES (@version, @description, @applied)",
                cancellationToken,
                ("version", migration.Version), ("description", migration.Description), ("applied", engine.Timestamp(time.GetUtcNow())));
            await write.CommitAsync(cancellationToken);
        }

        return latest;
    }

    private static async Task<int> CurrentVersionAsync(StoreConnection connection, CancellationToken cancellationToken)
    {
        var value = await connection.ScalarAsync("SELECT MAX(version) FROM la_schema_version", cancellationToken);
        return value is null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }
}
