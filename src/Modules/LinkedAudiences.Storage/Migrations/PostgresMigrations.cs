namespace LinkedAudiences.Storage.Migrations;

/// <summary>
/// The PostgreSQL schema history (the same tables as <see cref="SqliteMigrations"/>, in native types: timestamptz,
/// boolean, bigint identities; JSON stays text so payloads read back byte for byte). Never edit a step that has
/// shipped: add one.
/// </summary>
internal static class PostgresMigrations
{
    public const string VersionTable = """
        CREATE TABLE IF NOT EXISTS la_schema_version (
            version integer NOT NULL PRIMARY KEY,
            description text NOT NULL,
            applied_at timestamptz NOT NULL)
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runs, committed versions and the outbox",
        [
            """
            CREATE TABLE la_run (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                run_id text NOT NULL UNIQUE,
                audience_key text NOT NULL,
                definition_version integer NOT NULL,
                membership_version bigint NOT NULL,
                run_trigger text NOT NULL,
                status text NOT NULL,
                queued_at timestamptz NOT NULL,
                started_at timestamptz,
                finished_at timestamptz,
                as_of timestamptz NOT NULL,
                error text,
                members bigint NOT NULL DEFAULT 0,
                entered bigint NOT NULL DEFAULT 0,
                exited bigint NOT NULL DEFAULT 0,
                entities_entered bigint NOT NULL DEFAULT 0,
                entities_exited bigint NOT NULL DEFAULT 0,
                values_changed bigint NOT NULL DEFAULT 0,
                queueing_ticks bigint NOT NULL DEFAULT 0,
                extracting_ticks bigint NOT NULL DEFAULT 0,
                preparing_ticks bigint NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX la_run_audience ON la_run (audience_key, queued_at)",
            "CREATE INDEX la_run_unfinished ON la_run (queued_at) WHERE status IN ('Queued', 'Running')",
            """
            CREATE TABLE la_committed_version (
                audience_key text NOT NULL PRIMARY KEY,
                version bigint NOT NULL,
                run_id text NOT NULL,
                committed_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE la_outbox (
                position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id text NOT NULL UNIQUE,
                run_id text NOT NULL,
                audience_key text NOT NULL,
                kind text NOT NULL,
                membership_version bigint NOT NULL,
                ts timestamptz NOT NULL,
                profile_key text NOT NULL,
                entity text,
                entity_key text,
                branch text,
                payload text NOT NULL)
            """,
            "CREATE INDEX la_outbox_run ON la_outbox (run_id, position)",
            "CREATE INDEX la_outbox_audience ON la_outbox (audience_key)",
        ]),
        new(2, "leases",
        [
            """
            CREATE TABLE la_lease (
                name text NOT NULL PRIMARY KEY,
                owner text NOT NULL,
                expires_at timestamptz NOT NULL)
            """,
        ]),
        new(3, "audiences and data graphs with versions, audience lifecycle state",
        [
            """
            CREATE TABLE la_graph (
                graph_key text NOT NULL PRIMARY KEY,
                latest_version integer NOT NULL,
                created_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE la_graph_version (
                graph_key text NOT NULL,
                version integer NOT NULL,
                graph_json text NOT NULL,
                saved_at timestamptz NOT NULL,
                PRIMARY KEY (graph_key, version))
            """,
            """
            CREATE TABLE la_audience (
                audience_key text NOT NULL PRIMARY KEY,
                target_type text NOT NULL,
                target_entity text,
                latest_version integer NOT NULL,
                enabled boolean NOT NULL,
                status text NOT NULL,
                status_reason text,
                next_run_at timestamptz,
                last_member_count bigint,
                last_run_at timestamptz,
                created_at timestamptz NOT NULL)
            """,
            """
            CREATE TABLE la_audience_version (
                audience_key text NOT NULL,
                version integer NOT NULL,
                definition_json text NOT NULL,
                settings_json text NOT NULL,
                saved_at timestamptz NOT NULL,
                PRIMARY KEY (audience_key, version))
            """,
        ]),
        DeliveryMigrations.Step,
    ];
}
