using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Tests.Builder;

/// <summary>
/// The builder's preview and value suggestions through the real host: an unsaved definition previewed on the published
/// demo graph counts what the engine's member query counts (the CLI's <c>members</c>), the validator's errors come back
/// with their paths, and suggestions are the warehouse's values within the seeds' bounds.
/// </summary>
public sealed class BuilderApiTests(BuilderApiTests.Fixture fixture) : IClassFixture<BuilderApiTests.Fixture>
{
    private const string Api = "/api/linked-audiences/graphs/demo/";
    private const string TokenPage = "/Admin/LinkedAudiences/Runs/Index";
    private const string AsOf = "?asOf=2026-11-01T00:00:00Z";

    [Fact]
    public async Task Preview_UseCase1_CountEqualsTheEngineMembersAndSampleAreMembers()
    {
        using var editor = await fixture.Site.SignInAsync(Fixture.Editor, Tenant.UserPassword);
        var members = await RunsSupport.EngineMembersAsync(fixture.Warehouse, "uc1-outstanding-credit-card");

        var (status, preview) = await editor.PostJsonAsync(Api + "preview" + AsOf, TokenPage, RepositoryFiles.Audience("uc1-outstanding-credit-card"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((bool)preview!["valid"]!, preview.ToJsonString());
        Assert.True(members.Count > 10, $"the demo warehouse has only {members.Count} UC1 members");
        Assert.Equal(members.Count, (long)preview["count"]!);
        Assert.Equal(new long[] { members.Count }, preview["groups"]!.AsArray().Select(g => (long)g!));
        var sample = preview["sample"]!.AsArray();
        Assert.Equal(10, sample.Count);
        Assert.All(sample, m => Assert.Contains((string)m!["key"]!, members));
    }

    [Fact]
    public async Task Preview_UseCase1_MatchedEntitiesAreAccountsWithOutstandingCardsTenPerLevel()
    {
        using var editor = await fixture.Site.SignInAsync(Fixture.Editor, Tenant.UserPassword);
        var outstanding = await CardsAsync("balance_status = 'Outstanding'");

        var (_, preview) = await editor.PostJsonAsync(Api + "preview" + AsOf, TokenPage, RepositoryFiles.Audience("uc1-outstanding-credit-card"));

        foreach (var member in preview!["sample"]!.AsArray())
        {
            var accounts = member!["entities"]!.AsArray();
            Assert.InRange(accounts.Count, 1, 10);
            Assert.All(accounts, a =>
            {
                Assert.Equal(("account", "0.0", 1), ((string)a!["entity"]!, (string)a["branch"]!, (int)a["depth"]!));
                var cards = a["children"]!.AsArray();
                Assert.InRange(cards.Count, 1, 10);
                Assert.All(cards, c => Assert.Contains((string)c!["key"]!, outstanding));
            });
        }

        Assert.True((long)preview["entityCounts"]!["credit_card"]! > 0);
    }

    [Fact]
    public async Task Preview_TwoGroups_ReportsEachGroupsSizeAndTheUnion()
    {
        using var editor = await fixture.Site.SignInAsync(Fixture.Editor, Tenant.UserPassword);
        var platinum = (await RunsSupport.ProfileIdsAsync(fixture.Warehouse, "plan = 'platinum'")).Count;
        var vip = (await RunsSupport.ProfileIdsAsync(fixture.Warehouse, "is_vip")).Count;
        var either = (await RunsSupport.ProfileIdsAsync(fixture.Warehouse, "plan = 'platinum' OR is_vip")).Count;
        const string Definition = """
            {"target":{"type":"profile"},"groupOperator":"or","groups":[
              {"conditions":[{"kind":"trait","trait":"plan","operator":"equals","value":"platinum"}]},
              {"conditions":[{"kind":"trait","trait":"is_vip","operator":"equals","value":true}]}]}
            """;

        var (_, preview) = await editor.PostJsonAsync(Api + "preview" + AsOf, TokenPage, Definition);

        Assert.Equal(new[] { platinum, vip }, preview!["groups"]!.AsArray().Select(g => (int)g!));
        Assert.Equal(either, (int)preview["count"]!);
        Assert.All(preview["sample"]!.AsArray(), m => Assert.Empty(m!["entities"]!.AsArray()));
    }

    [Fact]
    public async Task Preview_InvalidDefinition_AnswersTheValidatorsErrorsWithTheirPaths()
    {
        using var editor = await fixture.Site.SignInAsync(Fixture.Editor, Tenant.UserPassword);
        const string Definition = """
            {"target":{"type":"profile"},"groups":[{"conditions":[
              {"kind":"entity","entity":"account","where":{"filters":[{"property":"credit_limit","operator":"greaterThan"}]}}]}]}
            """;

        var (status, answer) = await editor.PostJsonAsync(Api + "preview", TokenPage, Definition);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False((bool)answer!["valid"]!);
        var error = Assert.Single(answer["errors"]!.AsArray(), e => ((string)e!["message"]!).Contains("needs a constant ('value') or a reference ('ref')", StringComparison.Ordinal));
        Assert.StartsWith("$.groups[0].conditions[0].where.filters[0]", (string)error!["path"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("anonymous", 401)]
    [InlineData(Fixture.Viewer, 403)]
    public async Task Preview_WithoutEditAudiences_IsRefused(string user, int expected)
    {
        using var session = user == "anonymous" ? fixture.Site.NewSession() : await fixture.Site.SignInAsync(user, Tenant.UserPassword);

        var (status, _) = await session.PostJsonAsync(Api + "preview", user == "anonymous" ? null : TokenPage, RepositoryFiles.Audience("platinum-members"));

        Assert.Equal(expected, (int)status);
    }

    [Fact]
    public async Task Preview_WithoutTheAntiforgeryHeader_IsRefused()
    {
        using var editor = await fixture.Site.SignInAsync(Fixture.Editor, Tenant.UserPassword);

        var (status, _) = await editor.PostJsonAsync(Api + "preview", tokenPage: null, RepositoryFiles.Audience("platinum-members"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Suggestions_EntityColumn_AreTheDistinctStringValuesInOrdinalOrder()
    {
        using var viewer = await fixture.Site.SignInAsync(Fixture.Viewer, Tenant.UserPassword);
        var expected = await ColumnAsync("SELECT DISTINCT type FROM pets WHERE type IS NOT NULL");
        expected.Sort(StringComparer.Ordinal);

        var (status, answer) = await viewer.GetJsonAsync(Api + "suggestions?entity=pet&column=type");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("entity", (string?)answer!["kind"]);
        Assert.Equal(expected, answer["values"]!.AsArray().Select(v => (string)v!["value"]!));
        Assert.Contains("cat", expected);
    }

    [Fact]
    public async Task Suggestions_Trait_AreTheMostFrequentValuesWithTheirCounts()
    {
        using var viewer = await fixture.Site.SignInAsync(Fixture.Viewer, Tenant.UserPassword);
        var platinum = (await RunsSupport.ProfileIdsAsync(fixture.Warehouse, "plan = 'platinum'")).Count;

        var (_, answer) = await viewer.GetJsonAsync(Api + "suggestions?trait=plan");

        var values = answer!["values"]!.AsArray();
        Assert.InRange(values.Count, 1, 65);
        var counts = values.Select(v => (long)v!["occurrences"]!).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
        Assert.Equal(platinum, values.Single(v => (string)v!["value"]! == "platinum")!["occurrences"]!.GetValue<long>());
    }

    [Fact]
    public async Task Suggestions_EventProperty_AreValuesOfThatEventOnly()
    {
        using var viewer = await fixture.Site.SignInAsync(Fixture.Viewer, Tenant.UserPassword);
        var expected = await ColumnAsync(
            "SELECT DISTINCT json_extract_string(properties, '$.currency') FROM events WHERE event = 'Order Completed' AND json_extract_string(properties, '$.currency') IS NOT NULL");

        var (_, answer) = await viewer.GetJsonAsync(Api + "suggestions?event=Order%20Completed&property=currency");

        Assert.Equal(expected.Order(StringComparer.Ordinal), answer!["values"]!.AsArray().Select(v => (string)v!["value"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("suggestions?entity=pet&column=age")]
    [InlineData("suggestions?entity=pet&column=nope")]
    [InlineData("suggestions?trait=plan&entity=pet")]
    [InlineData("suggestions")]
    public async Task Suggestions_BadSubject_AnswersBadRequest(string path)
    {
        using var viewer = await fixture.Site.SignInAsync(Fixture.Viewer, Tenant.UserPassword);

        var (status, answer) = await viewer.GetJsonAsync(Api + path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)answer?["title"]));
    }

    [Fact]
    public async Task Suggestions_Anonymous_IsRefused()
    {
        using var anonymous = fixture.Site.NewSession();

        var (status, _) = await anonymous.GetJsonAsync(Api + "suggestions?trait=plan");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    private async Task<HashSet<string>> CardsAsync(string where) =>
        [.. await ColumnAsync($"SELECT CAST(card_id AS VARCHAR) FROM credit_cards WHERE {where}")];

    private async Task<List<string>> ColumnAsync(string sql)
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(fixture.Warehouse, DuckDbDialect.Instance, CancellationToken.None);
        var values = new List<string>();
        await foreach (var row in warehouse.QueryAsync(new SqlQuery(sql, []), CancellationToken.None))
        {
            values.Add((string)row[0]!);
        }

        return values;
    }

    /// <summary>The demo site with a demo warehouse of 300 profiles, an audience editor and a viewer.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const string Editor = "builder-editor";
        public const string Viewer = "builder-viewer";

        public Site Site { get; } = new();

        public string Warehouse { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            await Site.InitializeAsync();
            await Site.CreateRoleAsync("BuilderEditor", "AccessAdminPanel", "ViewAudiences", "EditAudiences");
            await Site.CreateUserAsync(Editor, "BuilderEditor");
            await Site.CreateRoleAsync("BuilderViewer", "AccessAdminPanel", "ViewAudiences");
            await Site.CreateUserAsync(Viewer, "BuilderViewer");
            Warehouse = await Site.UseDemoWarehouseAsync(300);
        }

        public Task DisposeAsync() => ((IAsyncLifetime)Site).DisposeAsync();
    }
}
