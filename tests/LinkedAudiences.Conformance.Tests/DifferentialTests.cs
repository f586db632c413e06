using System.Globalization;
using System.Text;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Preview;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Testing.Generation;
using LinkedAudiences.Testing.Oracle;
using LinkedAudiences.Testing;
using Xunit.Abstractions;

namespace LinkedAudiences.Conformance.Tests;

/// <summary>
/// The correctness proof: random valid definitions over the seeded demo world must give identical members (and matched
/// entities) from the compiled SQL on DuckDB, on PostgreSQL, and from the reference evaluator. LA_DIFF_CASES sets the
/// number of cases (default 500). A mismatch prints the case seed, the definition and the SQL.
/// </summary>
public sealed class DifferentialTests(ConformanceWorld world, ITestOutputHelper output) : IClassFixture<ConformanceWorld>
{
    private static readonly DateTimeOffset AsOf = DemoWarehouseOptions.DefaultAnchor;

    private static int Cases => int.TryParse(Environment.GetEnvironmentVariable("LA_DIFF_CASES"), out var n) && n > 0 ? n : 500;

    [Fact]
    public Task RandomDefinitions_OnDuckDb_MatchTheReferenceEvaluator() => RunAsync(world.DuckDb, generatorSeed: 1);

    [Fact]
    public Task RandomDefinitions_OnPostgreSql_MatchTheReferenceEvaluator() => RunAsync(world.PostgreSql, generatorSeed: 1);

    private async Task RunAsync(EngineUnderTest engine, int generatorSeed)
    {
        var reference = new ReferenceEvaluator(DemoGraph.Graph, world.Data);
        var generator = new RandomDefinitionGenerator(DemoGraph.Graph, world.Data, generatorSeed);
        var mismatches = new List<string>();
        int nonEmpty = 0, matchedRows = 0;

        for (var i = 0; i < Cases; i++)
        {
            var generated = generator.Next();
            var audienceEngine = new AudienceEngine(DemoGraph.Graph, generated.Catalog, engine.Options);

            var expected = reference.Members(generated.Definition, AsOf, generated.Imports, generated.Memberships);
            var expectedMatched = reference.MatchedEntities(generated.Definition, AsOf, generated.Imports, generated.Memberships)
                .Select(m => new MatchedEntityRow(m.MemberKey, m.Branch, m.Depth, m.Entity, m.EntityKey, m.ParentKey))
                .ToHashSet();

            CompiledAudience compiled;
            try
            {
                compiled = await audienceEngine.CompileAsync(generated.Definition, engine.Warehouse.Dialect, AsOf, CancellationToken.None);
            }
            catch (AudienceValidationException e)
            {
                mismatches.Add($"{generated.Describe()}The validator refused a generated (valid) definition:\n{e.Result}");
                continue;
            }

            if (generated.Memberships.Count > 0)
            {
                await engine.StoreMembershipsAsync(generated, CancellationToken.None);
            }

            HashSet<string> actual;
            HashSet<MatchedEntityRow> actualMatched;
            try
            {
                actual = await ReadKeysAsync(engine, compiled.Members);
                actualMatched = await ReadMatchedAsync(engine, compiled.MatchedEntities);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                mismatches.Add($"{generated.Describe()}{engine.Name} failed the query: {e.Message}\n{Show(compiled.Members)}");
                continue;
            }

            nonEmpty += expected.Count > 0 ? 1 : 0;
            matchedRows += expectedMatched.Count;
            if (!actual.SetEquals(expected))
            {
                mismatches.Add(Describe(generated, engine, compiled.Members, "members", expected, actual));
            }
            else if (!actualMatched.SetEquals(expectedMatched))
            {
                mismatches.Add(Describe(generated, engine, compiled.MatchedEntities, "matched entities",
                    expectedMatched.Select(m => m.ToString()).ToHashSet(), actualMatched.Select(m => m.ToString()).ToHashSet()));
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"[diff] {engine.Name}: {Cases} cases, {mismatches.Count} mismatches ({nonEmpty} with members, {matchedRows} matched-entity rows checked)");
        output.WriteLine(summary);
        TestSummaries.Write(summary);
        Assert.True(mismatches.Count == 0, summary + "\n\n" + string.Join("\n\n----\n\n", mismatches.Take(3)));
    }

    private static async Task<HashSet<string>> ReadKeysAsync(EngineUnderTest engine, SqlQuery query)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in engine.Warehouse.QueryAsync(query, CancellationToken.None))
        {
            keys.Add(Convert.ToString(row[0], CultureInfo.InvariantCulture)!);
        }

        return keys;
    }

    private static async Task<HashSet<MatchedEntityRow>> ReadMatchedAsync(EngineUnderTest engine, SqlQuery query)
    {
        var rows = new HashSet<MatchedEntityRow>();
        await foreach (var row in engine.Warehouse.QueryAsync(query, CancellationToken.None))
        {
            string S(int i) => Convert.ToString(row[i], CultureInfo.InvariantCulture)!;
            rows.Add(new MatchedEntityRow(S(0), S(1), Convert.ToInt32(row[2], CultureInfo.InvariantCulture), S(3), S(4), S(5)));
        }

        return rows;
    }

    private static string Describe(GeneratedCase generated, EngineUnderTest engine, SqlQuery query, string what, IReadOnlySet<string> expected, IReadOnlySet<string> actual)
    {
        var text = new StringBuilder(generated.Describe());
        text.Append(CultureInfo.InvariantCulture, $"{engine.Name} {what} differ from the reference: expected {expected.Count}, got {actual.Count}.").AppendLine();
        text.Append("Missing: ").AppendJoin(", ", expected.Except(actual).Order(StringComparer.Ordinal).Take(10)).AppendLine();
        text.Append("Unexpected: ").AppendJoin(", ", actual.Except(expected).Order(StringComparer.Ordinal).Take(10)).AppendLine();
        text.AppendLine(Show(query));
        return text.ToString();
    }

    private static string Show(SqlQuery query) =>
        query.Sql + "\n-- parameters: " + string.Join(", ", query.Parameters.Select((p, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i + 1}={p.Value}")));
}
