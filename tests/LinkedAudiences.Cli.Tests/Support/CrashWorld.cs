using System.Globalization;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Storage;
using LinkedAudiences.Testing.Churn;
using LinkedAudiences.Warehouses.DuckDb;
using Microsoft.Data.Sqlite;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>
/// The crash test's world: a demo DuckDB warehouse, an audience with entity branches and enrichment, the churn applied
/// between its two runs, and a clean replica of both runs (no crash) to compare every crashed trial with. Each trial
/// works on a copy of a prepared folder (warehouse file + SQLite state store), never on the originals.
/// </summary>
public sealed class CrashWorld
{
    public const string Key = "cards-or-cats";

    public const int Profiles = 1000;

    private const string WarehouseFile = "w.duckdb";
    private const string StateFile = "s.db";

    public const string AudienceJson = DemoChurn.AudienceJson;

    private readonly string _root;

    private CrashWorld(string root) => _root = root;

    public string Audience => Path.Combine(_root, Key + ".json");

    /// <summary>The demo warehouse before any run, without a state store.</summary>
    public string Pristine => Path.Combine(_root, "pristine");

    /// <summary>After a clean first run and the churn: where a second run starts.</summary>
    public string BeforeSecond => Path.Combine(_root, "before-second");

    /// <summary>The clean replica after its first run.</summary>
    public Observed AfterFirstRun { get; private set; } = null!;

    /// <summary>The clean replica after its second run (its outbox holds both runs' events).</summary>
    public Observed AfterSecondRun { get; private set; } = null!;

    /// <summary>How long a clean first and second run took as child processes (start-up included).</summary>
    public TimeSpan FirstRunDuration { get; private set; }

    public TimeSpan SecondRunDuration { get; private set; }

    /// <summary>Change rows the runs read out of the warehouse, at least (one per entered, exited, entity and member with new values).</summary>
    public long FirstRunChanges { get; private set; }

    public long SecondRunChanges { get; private set; }

    public static async Task<CrashWorld> CreateAsync(string root)
    {
        var world = new CrashWorld(root);
        Directory.CreateDirectory(world.Pristine);
        await File.WriteAllTextAsync(world.Audience, AudienceJson);
        var created = await CommandLine.RunAsync("demo-warehouse", "--profiles", Profiles.ToString(CultureInfo.InvariantCulture), "--out", WarehouseOf(world.Pristine));
        Assert.True(created.ExitCode == 0, created.ToString());

        var replica = Path.Combine(root, "replica");
        CopyFolder(world.Pristine, replica);
        var first = await CliProcess.RunAsync(world.RunArgs(replica), TempFor(replica));
        Assert.True(first.ExitCode == 0, first.ToString());
        world.FirstRunDuration = first.Elapsed;
        world.AfterFirstRun = await Observed.ReadAsync(replica);
        world.FirstRunChanges = world.AfterFirstRun.Outbox.Count(e => e.Kind is not "MembershipChanged");

        await ChurnAsync(replica);
        CopyFolder(replica, world.BeforeSecond);
        var second = await CliProcess.RunAsync(world.RunArgs(replica), TempFor(replica));
        Assert.True(second.ExitCode == 0, second.ToString());
        world.SecondRunDuration = second.Elapsed;
        world.AfterSecondRun = await Observed.ReadAsync(replica);
        world.SecondRunChanges = world.AfterSecondRun.Outbox.Count(e => e.Kind is not "MembershipChanged") - world.FirstRunChanges;
        return world;
    }

    /// <summary>The run verb on the folder's warehouse and state store, with entity and trait enrichment.</summary>
    public IReadOnlyList<string> RunArgs(string folder) =>
    [
        "run", "--graph", RepositoryFiles.DemoGraph, "--audience", Audience,
        "--warehouse", "duckdb:" + WarehouseOf(folder), "--state", "sqlite:" + StateOf(folder), "--as-of", CommandLine.AsOf,
        "--enrich-trait", "loyalty_tier,city", "--enrich-entity", "credit_card:balance", "--enrich-entity", "pet:name,age",
    ];

    /// <summary>The child's temporary folder inside the trial's (event spools a kill leaves behind stay countable there).</summary>
    public static Dictionary<string, string?> TempFor(string folder)
    {
        var temp = Path.Combine(folder, "tmp");
        Directory.CreateDirectory(temp);
        return new() { ["TMPDIR"] = temp };
    }

    public static string WarehouseOf(string folder) => Path.Combine(folder, WarehouseFile);

    public static string StateOf(string folder) => Path.Combine(folder, StateFile);

    /// <summary>Copies the warehouse and state files with their write-ahead logs (a copy without them would lose commits).</summary>
    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>Applies the scripted churn to the folder's warehouse.</summary>
    public static async Task ChurnAsync(string folder)
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(WarehouseOf(folder), DuckDbDialect.Instance, CancellationToken.None);
        foreach (var statement in DemoChurn.Statements)
        {
            await warehouse.ExecuteAsync(SqlQuery.Text(statement), CancellationToken.None);
        }
    }

    /// <summary>Whether a lease of the audience is held (a killed run leaves its lease behind until it expires).</summary>
    public static async Task<bool> LeaseHeldAsync(string folder)
    {
        if (!File.Exists(StateOf(folder)))
        {
            return false;
        }

        await using var connection = await OpenStateAsync(folder);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'la_lease'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            return false;
        }

        command.CommandText = "SELECT COUNT(*) FROM la_lease";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>
    /// Lets the dead run's lease expire, as the passing of its duration (5 minutes) would: the next run takes it over
    /// through the ordinary expired-lease path.
    /// </summary>
    public static async Task ExpireLeasesAsync(string folder)
    {
        await using var connection = await OpenStateAsync(folder);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE la_lease SET expires_at = '2000-01-01T00:00:00.000000Z'";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<SqliteConnection> OpenStateAsync(string folder)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = StateOf(folder), Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>An outbox entry: its messageId, kind, membership version and payload without its timestamp (the run's start time).</summary>
    public sealed record OutboxEvent(string MessageId, string Kind, long Version, string Payload);

    /// <summary>What a folder holds after its runs: the whole outbox, and the committed snapshot as the warehouse shows it.</summary>
    public sealed record Observed(
        IReadOnlyList<OutboxEvent> Outbox,
        long CommittedVersion,
        long PointerVersion,
        IReadOnlyList<long> SnapshotVersions,
        IReadOnlySet<string> Members,
        IReadOnlySet<string> SnapshotMembers,
        IReadOnlySet<string> SnapshotEntities,
        IReadOnlyList<string> RunStatuses)
    {
        public static async Task<Observed> ReadAsync(string folder)
        {
            var outbox = new List<OutboxEvent>();
            long committed;
            List<string> statuses;
            await using (var store = await StateStore.OpenAsync("sqlite:" + StateOf(folder), TimeProvider.System, CancellationToken.None))
            {
                committed = await store.Runs.GetCommittedVersionAsync(Key, CancellationToken.None);
                statuses = [.. (await store.Runs.ListRunsAsync(Key, 50, CancellationToken.None)).Select(r => r.Status.ToString())];
                long position = 0;
                while (true)
                {
                    var page = await store.Runs.ReadOutboxAfterAsync(position, 5000, CancellationToken.None);
                    if (page.Count == 0)
                    {
                        break;
                    }

                    outbox.AddRange(page.Select(e => new OutboxEvent(e.Event.MessageId, e.Event.Kind.ToString(), e.Event.MembershipVersion, WithoutTimestamp(e.Event.Payload))));
                    position = page[^1].Position;
                }
            }

            SqliteConnection.ClearAllPools();
            await using var warehouse = await DuckDbWarehouse.OpenAsync(WarehouseOf(folder), DuckDbDialect.Instance, CancellationToken.None);
            async Task<List<string>> Rows(string sql)
            {
                var rows = new List<string>();
                await foreach (var row in warehouse.QueryAsync(SqlQuery.Text(sql), CancellationToken.None))
                {
                    rows.Add(string.Join("|", row.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
                }

                return rows;
            }

            const string Where = $"audience_key = '{Key}'";
            var pointer = (await Rows($"SELECT version FROM linked_audiences.committed_versions WHERE {Where}")).Select(long.Parse).SingleOrDefault();
            var versions = (await Rows($"SELECT version FROM linked_audiences.snapshot_members WHERE {Where} UNION SELECT version FROM linked_audiences.snapshot_entities WHERE {Where} ORDER BY 1"))
                .Select(long.Parse).ToList();
            return new Observed(
                outbox,
                committed,
                pointer,
                versions,
                (await Rows($"SELECT member_key FROM linked_audiences.audience_membership WHERE {Where}")).ToHashSet(StringComparer.Ordinal),
                (await Rows($"SELECT member_key, profile_key, enrichment_hash FROM linked_audiences.snapshot_members WHERE {Where} AND version = {pointer}")).ToHashSet(StringComparer.Ordinal),
                (await Rows($"SELECT member_key, branch, entity, entity_key, parent_key FROM linked_audiences.snapshot_entities WHERE {Where} AND version = {pointer}")).ToHashSet(StringComparer.Ordinal),
                statuses);
        }

        private static string WithoutTimestamp(string payload)
        {
            var json = JsonNode.Parse(payload)!.AsObject();
            Assert.True(json.Remove("timestamp"), "Every payload carries a timestamp: " + payload);
            return json.ToJsonString();
        }
    }
}
