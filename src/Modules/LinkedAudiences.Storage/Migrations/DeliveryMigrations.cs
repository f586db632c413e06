namespace LinkedAudiences.Storage.Migrations;

/// <summary>
/// Step 4 on both engines: activation delivery state. Times are UTC ticks in bigint columns, so the delivery overview
/// buckets them with integer arithmetic that SQLite and PostgreSQL share; the statements are the same on both.
/// </summary>
internal static class DeliveryMigrations
{
    public static Migration Step { get; } = new(4, "activation deliveries and their outbox cursors",
    [
        """
        CREATE TABLE la_delivery_cursor (
            activation_key text NOT NULL PRIMARY KEY,
            position bigint NOT NULL)
        """,
        """
        CREATE TABLE la_delivery (
            activation_key text NOT NULL,
            message_id text NOT NULL,
            position bigint NOT NULL,
            state text NOT NULL,
            attempts integer NOT NULL,
            next_attempt_ticks bigint,
            last_error text,
            updated_ticks bigint NOT NULL,
            run_id text NOT NULL,
            audience_key text NOT NULL,
            kind text NOT NULL,
            membership_version bigint NOT NULL,
            event_ticks bigint NOT NULL,
            profile_key text NOT NULL,
            entity text,
            entity_key text,
            branch text,
            payload text,
            PRIMARY KEY (activation_key, message_id))
        """,
        "CREATE INDEX la_delivery_due ON la_delivery (activation_key, next_attempt_ticks) WHERE state = 'Pending'",
        "CREATE INDEX la_delivery_events ON la_delivery (activation_key, event_ticks)",
    ]);
}
