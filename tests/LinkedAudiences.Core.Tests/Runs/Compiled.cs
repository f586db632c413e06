using System.Text.Json;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Tests.Runs;

/// <summary>Demo-graph audiences compiled for the run tests.</summary>
internal static class Compiled
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Pro profiles with an active account holding an outstanding card; a negated "without pets in a household" too.</summary>
    public static readonly AudienceDefinition ProOutstanding = Definition("""
        { "groups": [ { "conditions": [
            { "kind": "trait", "trait": "plan", "operator": "equals", "value": "pro" },
            { "kind": "entity", "entity": "account", "where": { "filters": [ { "property": "status", "operator": "equals", "value": "active" } ] },
              "conditions": [ { "entity": "credit_card", "where": { "filters": [ { "property": "balance_status", "operator": "equals", "value": "Outstanding" } ] } } ] },
            { "kind": "entity", "entity": "household", "negate": true, "conditions": [ { "entity": "pet" } ] } ] } ] }
        """);

    public static Task<CompiledAudience> CompileAsync(SqlDialect dialect, AudienceDefinition? definition = null) =>
        new AudienceEngine(DemoGraph.Graph, InMemoryAudienceCatalog.Empty).CompileAsync(definition ?? ProOutstanding, dialect, AsOf, CancellationToken.None, "pro-outstanding");

    public static AudienceDefinition Definition(string json) =>
        JsonSerializer.Deserialize<AudienceDefinition>(json, LinkedAudiencesJson.Options) ?? throw new InvalidOperationException("Empty definition.");
}
