using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Runs;

/// <summary>One run to execute: which audience, compiled how (at <see cref="AsOf"/>), and what activations ask to enrich.</summary>
public sealed record AudienceRunRequest
{
    public required string AudienceKey { get; init; }

    /// <summary>The audience compiled for the warehouse's dialect (<c>AudienceEngine.CompileAsync</c> with this request's as-of and key).</summary>
    public required CompiledAudience Compiled { get; init; }

    /// <summary>The evaluation time the audience was compiled with (recorded on the run).</summary>
    public required DateTimeOffset AsOf { get; init; }

    public int DefinitionVersion { get; init; } = 1;

    public RunTrigger Trigger { get; init; } = RunTrigger.Manual;

    public EnrichmentSpec Enrichment { get; init; } = EnrichmentSpec.None;

    /// <summary>
    /// A run already in the store (Queued, or Running when a host died during it) to execute under its own id; null
    /// creates a new run.
    /// </summary>
    public string? RunId { get; init; }

    /// <summary>When the run was asked for, for a new run (default: when it starts).</summary>
    public DateTimeOffset? QueuedAt { get; init; }
}
