namespace LinkedAudiences.Core.Runs;

/// <summary>
/// The named stages at which <see cref="AudienceRunner"/> calls <see cref="AudienceRunnerOptions.Checkpoint"/>, in
/// the order a run passes them. They exist for crash tests: a process stopped at each of them (and anywhere between)
/// must, once re-run, leave exactly the outbox and the snapshot an uninterrupted run would have.
/// </summary>
public static class RunCheckpoints
{
    /// <summary>The audience's lease is held; nothing else has happened.</summary>
    public const string LeaseTaken = "lease-taken";

    /// <summary>The run is recorded as Running in the state store.</summary>
    public const string RunRecorded = "run-recorded";

    /// <summary>The product's schema in the warehouse exists (once per runner).</summary>
    public const string SchemaReady = "schema-ready";

    /// <summary>The warehouse's pointer names the version the state store has committed.</summary>
    public const string PointerSynced = "pointer-synced";

    /// <summary>Every snapshot version but the committed one (a crashed attempt's included) is deleted.</summary>
    public const string LeftoversDeleted = "leftovers-deleted";

    /// <summary>The new version's matched-entities table is written.</summary>
    public const string EntitiesWritten = "entities-written";

    /// <summary>The new version's members table is written.</summary>
    public const string MembersWritten = "members-written";

    /// <summary>The diff against the committed version has begun (the member count is read).</summary>
    public const string Diffed = "diffed";

    /// <summary>Once per change row read out of the warehouse, before its events are spooled.</summary>
    public const string Change = "change";

    /// <summary>Every event is spooled; the commit is next.</summary>
    public const string Spooled = "spooled";

    /// <summary>Events, success and the new version are committed in the state store; the warehouse pointer is not moved yet.</summary>
    public const string Committed = "committed";

    /// <summary>The warehouse pointer names the new version and the previous snapshot is deleted; the lease is still held.</summary>
    public const string Published = "published";

    /// <summary>Every stage, in run order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        LeaseTaken, RunRecorded, SchemaReady, PointerSynced, LeftoversDeleted, EntitiesWritten, MembersWritten, Diffed, Change, Spooled, Committed, Published,
    ];
}
