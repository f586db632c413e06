namespace LinkedAudiences.Storage.Migrations;

/// <summary>
/// The SQLite schema history. Timestamps are TEXT in one fixed-width UTC form (so they compare as text), booleans
/// INTEGER 0/1, JSON TEXT. AUTOINCREMENT keeps outbox positions from ever being reused after deletes.
/// Never edit a step that has shipped: add one.
/// </summary>
internal static class SqliteMigrations
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS la_schema_version (
            version INTEGER NOT NULL PRIMARY KEY,
            description TEXT NOT NULL,
            applied_at TEXT NOT NULL)
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runs, committed versions and the outbox",
        [
            """
            CREATE TABLE la_run (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NOT NULL UNIQUE,
                audience_key TEXT NOT NULL,
                definition_version INTEGER NOT NULL,
                membership_version INTEGER NOT NULL,
                run_trigger TEXT NOT NULL,
                status TEXT NOT NULL,
                queued_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT,
                as_of TEXT NOT NULL,
                error TEXT,
                members INTEGER NOT NULL DEFAULT 0,
                entered INTEGER NOT NULL DEFAULT 0,
                exited INTEGER NOT NULL DEFAULT 0,
                entities_entered INTEGER NOT NULL DEFAULT 0,
                entities_exited INTEGER NOT NULL DEFAULT 0,
                values_changed INTEGER NOT NULL DEFAULT 0,
                queueing_ticks INTEGER NOT NULL DEFAULT 0,
                extracting_ticks INTEGER NOT NULL DEFAULT 0,
                preparing_ticks INTEGER NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX la_run_audience ON la_run (audience_key, queued_at)",
            "CREATE INDEX la_run_unfinished ON la_run (queued_at) WHERE status IN ('Queued', 'Running')",
            """
            CREATE TABLE la_committed_version (
                audience_key TEXT NOT NULL PRIMARY KEY,
                version INTEGER NOT NULL,
                run_id TEXT NOT NULL,
                committed_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE la_outbox (
                position INTEGER PRIMARY KEY AUTOINCREMENT,
                message_id TEXT NOT NULL UNIQUE,
                run_id TEXT NOT NULL,
                audience_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                membership_version INTEGER NOT NULL,
                ts TEXT NOT NULL,
                profile_key TEXT NOT NULL,
                entity TEXT,
                entity_key TEXT,
                branch TEXT,
                payload TEXT NOT NULL)
            """,
            "CREATE INDEX la_outbox_run ON la_outbox (run_id, position)",
            "CREATE INDEX la_outbox_audience ON la_outbox (audience_key)",
        ]),
        new(2, "leases",
        [
            """
            CREATE TABLE la_lease (
                name TEXT NOT NULL PRIMARY KEY,
                owner TEXT NOT NULL,
                expires_at TEXT NOT NULL)
            """,
        ]),
        new(3, "audiences and data graphs with versions, audience lifecycle state",
        [
            """
            CREATE TABLE la_graph (
                graph_key TEXT NOT NULL PRIMARY KEY,
                latest_version INTEGER NOT NULL,
                created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE la_graph_version (
                graph_key TEXT NOT NULL,
                version INTEGER NOT NULL,
                graph_json TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                PRIMARY KEY (graph_key, version))
            """,
            """
            CREATE TABLE la_audience (
                audience_key TEXT NOT NULL PRIMARY KEY,
                target_type TEXT NOT NULL,
                target_entity TEXT,
                latest_version INTEGER NOT NULL,
                enabled INTEGER NOT NULL,
                status TEXT NOT NULL,
                status_reason TEXT,
                next_run_at TEXT,
                last_member_count INTEGER,
                last_run_at TEXT,
                created_at TEXT NOT NULL)
            """,
            """
            CREATE TABLE la_audience_version (
                audience_key TEXT NOT NULL,
                version INTEGER NOT NULL,
                definition_json TEXT NOT NULL,
                settings_json TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                PRIMARY KEY (audience_key, version))
            """,
        ]),
        DeliveryMigrations.Step,
    ];
}
