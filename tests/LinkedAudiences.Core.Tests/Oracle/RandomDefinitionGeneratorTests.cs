using System.Diagnostics;
using System.Globalization;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Testing.Generation;
using LinkedAudiences.Testing.Oracle;
using Xunit.Abstractions;

namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>The generator: valid JSON contracts, every option covered, deterministic, and results that are neither empty nor everything.</summary>
public sealed class RandomDefinitionGeneratorTests(ITestOutputHelper output)
{
    private const int Cases = 200;
    private static readonly Lazy<InMemoryWarehouse> s_world = new(() => RandomWorld.Build(seed: 20261101, profiles: 150).Build());

    private static RandomDefinitionGenerator Generator(int seed) => new(OracleTestGraph.Graph, s_world.Value, seed);

    [Fact]
    public void Next_TwoHundredCases_RoundTripThroughLinkedAudiencesJson()
    {
        var generator = Generator(1);
        for (var i = 0; i < Cases; i++)
        {
            var generated = generator.Next();
            foreach (var definition in generated.Imports.Values.Prepend(generated.Definition))
            {
                var json = LinkedAudiencesJson.Serialize(definition);
                var reparsed = LinkedAudiencesJson.Serialize(LinkedAudiencesJson.ParseAudience(json));
                Assert.True(string.Equals(json, reparsed, StringComparison.Ordinal), generated.Describe());
            }
        }
    }

    [Fact]
    public void Next_TwoHundredCases_GiveNonTrivialMembers()
    {
        var evaluator = new ReferenceEvaluator(OracleTestGraph.Graph, s_world.Value);
        var generator = Generator(2);
        int empty = 0, everyone = 0, between = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Cases; i++)
        {
            var generated = generator.Next();
            var members = evaluator.Members(generated, TestWorld.AsOf);
            var universe = generated.Definition.Target.Type == TargetType.Profile ? 150 : int.MaxValue;
            if (members.Count == 0)
            {
                empty++;
            }
            else if (members.Count == universe)
            {
                everyone++;
            }
            else
            {
                between++;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"empty {empty}, everyone {everyone}, in between {between}, {clock.ElapsedMilliseconds} ms"));
        Assert.True(between >= Cases / 2, $"Only {between} of {Cases} cases had some but not all members (empty {empty}, everyone {everyone}).");
        Assert.InRange(empty, 1, Cases / 3);
        Assert.InRange(everyone, 1, Cases / 4);
    }

    [Fact]
    public void MatchedEntities_GeneratedCases_HangUnderMembersAndTheirBranches()
    {
        var evaluator = new ReferenceEvaluator(OracleTestGraph.Graph, s_world.Value);
        var generator = Generator(7);
        var rows = 0;
        for (var i = 0; i < 100; i++)
        {
            var generated = generator.Next();
            var members = evaluator.Members(generated, TestWorld.AsOf);
            var matches = evaluator.MatchedEntities(generated, TestWorld.AsOf);
            rows += matches.Count;
            var keys = matches.Select(m => (m.Branch, m.EntityKey, m.MemberKey)).ToHashSet();
            foreach (var match in matches)
            {
                Assert.Contains(match.MemberKey, members);
                if (generated.Definition.Target.Type == TargetType.Profile)
                {
                    // Branch "g.c" is depth 1 under the profile; every further segment is one level deeper, under a matched row.
                    Assert.Equal(match.Branch.Split('.').Length - 1, match.Depth);
                    if (match.Depth == 1)
                    {
                        Assert.Equal(match.MemberKey, match.ParentKey);
                    }
                    else
                    {
                        Assert.Contains((match.Branch[..match.Branch.LastIndexOf('.')], match.ParentKey, match.MemberKey), keys);
                    }
                }
            }
        }

        Assert.True(rows > 0, "No generated case matched any entity.");
    }

    [Fact]
    public void Next_TwoHundredCases_CoverEveryConditionKindAndOption()
    {
        var generator = Generator(3);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Cases; i++)
        {
            var generated = generator.Next();
            Features.Collect(generated.Definition, seen);
        }

        var missing = Features.Expected.Where(f => !seen.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "Never generated: " + string.Join(", ", missing));
    }

    [Fact]
    public void Next_SameSeed_GivesTheSameCases()
    {
        var first = Generator(4);
        var second = Generator(4);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(first.Next().Describe(), second.Next().Describe());
        }
    }

    [Fact]
    public void Generate_CaseSeed_ReproducesTheCase()
    {
        var generator = Generator(5);
        for (var i = 0; i < 20; i++)
        {
            var generated = generator.Next();
            Assert.Equal(generated.Describe(), Generator(999).Generate(generated.Seed).Describe());
        }
    }

    [Fact]
    public void Describe_CaseWithPartOfAudience_PrintsDefinitionImportsAndMemberships()
    {
        var generator = Generator(6);
        var withImport = Enumerable.Range(0, 500).Select(_ => generator.Next()).First(c => c.Imports.Count > c.Memberships.Count && c.Memberships.Count > 0);

        var text = withImport.Describe();

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"seed {withImport.Seed}"), text, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"audience\"", text, StringComparison.Ordinal);
        var imported = withImport.Imports.Keys.First(k => !withImport.Memberships.ContainsKey(k));
        Assert.Contains("Audience \"" + imported + "\" (imported)", text, StringComparison.Ordinal);
        Assert.Contains("Audience \"" + withImport.Memberships.Keys.First() + "\" (membership-mode)", text, StringComparison.Ordinal);
        Assert.Contains("Stored membership \"" + withImport.Memberships.Keys.First() + "\"", text, StringComparison.Ordinal);
        Assert.Equal(withImport.Memberships.Values.Sum(m => m.Count), withImport.MembershipRows().Count());
    }
}
