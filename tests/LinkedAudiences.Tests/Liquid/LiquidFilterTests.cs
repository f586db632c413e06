using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Models;
using LinkedAudiences.Services.Runs;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.BackgroundTasks;
using OrchardCore.Environment.Shell.Scope;
using OrchardCore.Liquid;
using OrchardCore.Users;

namespace LinkedAudiences.Tests.Liquid;

/// <summary>
/// The audience Liquid filters rendered by Orchard's own template manager inside the tenant, as the admin, as a user
/// whose role holds only ViewAudiences, as a user without it and anonymously: the figures are the run store's, and
/// the filters answer nil (empty output) without the permission.
/// </summary>
public sealed class LiquidFilterTests(LiquidFiltersFixture fixture) : IClassFixture<LiquidFiltersFixture>
{
    private const string Template = """
        size={{ key | audience_size }}
        {% assign run = key | audience_last_run %}status={{ run.status }}
        runId={{ run.runId }}
        finishedAt={{ run.finishedAt | date: "%s" }}
        members={{ run.members }}
        entered={{ run.changes.entered }}
        exited={{ run.changes.exited }}
        member={{ member | audience_member: key }}
        nonMember={{ outsider | audience_member: key }}
        {% assign values = member | audience_values: key, traits: "plan, email, no_such_trait" %}plan={{ values.traits.plan }}
        email={{ values.traits.email }}
        outsiderValues={{ outsider | audience_values: key, traits: "plan" }}
        unknownAudience={{ "no-such-audience" | audience_size }}
        """;

    private const string Audience = LiquidFiltersFixture.Audience;

    private Site Site => fixture.Site;

    [Fact]
    public async Task Render_AsAdministrator_ShowsTheRunStoresFiguresAndMembership()
    {
        var run = (await LastRunAsync())!;

        var output = await RenderAsync(Site.AdminUserName);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.True(run.Summary.Members > 0, "The demo warehouse has platinum members.");
        Assert.Equal(Invariant(run.Summary.Members), output["size"]);
        Assert.Equal(("Succeeded", run.RunId), (output["status"], output["runId"]));
        Assert.Equal(Invariant(run.FinishedAt!.Value.ToUnixTimeSeconds()), output["finishedAt"]);
        Assert.Equal(Invariant(run.Summary.Members), output["members"]);
        Assert.Equal((Invariant(run.Summary.Entered), Invariant(run.Summary.Exited)), (output["entered"], output["exited"]));
        Assert.Equal(("true", "false"), (output["member"], output["nonMember"]));
        Assert.Equal("platinum", output["plan"]);
        Assert.Equal(await EmailOfAsync(fixture.Member), output["email"]);
        Assert.Equal("", output["outsiderValues"]);
        Assert.Equal("", output["unknownAudience"]);
        Assert.Empty(Site.Logs.Errors);
    }

    [Fact]
    public async Task Render_AsUserWithOnlyViewAudiences_ShowsTheSameFigures()
    {
        var run = (await LastRunAsync())!;

        var output = await RenderAsync(LiquidFiltersFixture.Viewer);

        Assert.Equal(Invariant(run.Summary.Members), output["size"]);
        Assert.Equal(("Succeeded", "true", "false", "platinum"), (output["status"], output["member"], output["nonMember"], output["plan"]));
    }

    [Theory]
    [InlineData(LiquidFiltersFixture.Visitor)]
    [InlineData(null)]
    public async Task Render_WithoutViewAudiences_EveryFilterAnswersNil(string? userName)
    {
        var output = await RenderAsync(userName);

        Assert.All(
            ["size", "status", "runId", "finishedAt", "members", "entered", "exited", "member", "nonMember", "plan", "email"],
            name => Assert.True(output[name] == "", $"{name} rendered '{output[name]}' for {userName ?? "an anonymous visitor"}."));
        Assert.Empty(Site.Logs.Errors);
    }

    [Fact]
    public async Task Render_MoreMembershipLookupsThanTheBound_AnswersNilPastIt()
    {
        // Distinct keys, so the memo does not absorb them: the first MaxWarehouseLookups are answered (false), the rest nil.
        var template = "{% for i in (1..105) %}{% assign id = 'nobody-' | append: i %}[{{ id | audience_member: key }}]{% endfor %}";

        var output = await RenderRawAsync(Site.AdminUserName, template);

        Assert.Equal(string.Concat(Enumerable.Repeat("[false]", 100)) + string.Concat(Enumerable.Repeat("[]", 5)), output);
    }

    [Fact]
    public async Task Render_ValuesOfAnEntityAudienceMember_ListsItsMatchedRowsFromTheCommittedSnapshot()
    {
        var template = """
            {%- assign v = member | audience_values: key, entity: "credit_card", columns: "balance_status, no_such_column, balance" -%}
            {%- for row in v.entities.credit_card -%}{{ row.key }}={{ row.values.balance_status }}|{{ row.values.no_such_column }};{%- endfor -%}
            """;
        var expected = await OutstandingCardsAsync(fixture.CardMember);

        var output = await RenderRawAsync(Site.AdminUserName, template, LiquidFiltersFixture.CardAudience, fixture.CardMember);

        Assert.NotEmpty(expected);
        Assert.Equal(
            string.Concat(expected.Order(StringComparer.Ordinal).Take(10).Select(card => card + "=Outstanding|;")),
            output);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private Task<RunRecord?> LastRunAsync() => fixture.LastRunAsync();

    private async Task<string> EmailOfAsync(string profileId)
    {
        await using var warehouse = await Warehouses.DuckDb.DuckDbWarehouse.OpenAsync(fixture.Warehouse, Core.Sql.Dialects.DuckDbDialect.Instance, CancellationToken.None);
        await foreach (var row in warehouse.QueryAsync(new Core.Sql.SqlQuery($"SELECT email FROM profiles WHERE profile_id = '{profileId}'", []), CancellationToken.None))
        {
            return (string)row[0]!;
        }

        throw new InvalidOperationException($"No profile {profileId}.");
    }

    /// <summary>The member's credit cards with an outstanding balance, read from the warehouse directly.</summary>
    private async Task<List<string>> OutstandingCardsAsync(string profileId)
    {
        await using var warehouse = await Warehouses.DuckDb.DuckDbWarehouse.OpenAsync(fixture.Warehouse, Core.Sql.Dialects.DuckDbDialect.Instance, CancellationToken.None);
        var cards = new List<string>();
        var sql = $"SELECT CAST(c.card_id AS VARCHAR) FROM credit_cards c JOIN accounts a ON a.account_id = c.account_id WHERE a.profile_id = '{profileId}' AND c.balance_status = 'Outstanding'";
        await foreach (var row in warehouse.QueryAsync(new Core.Sql.SqlQuery(sql, []), CancellationToken.None))
        {
            cards.Add((string)row[0]!);
        }

        return cards;
    }

    /// <summary>The template's "name=value" lines as a dictionary.</summary>
    private async Task<Dictionary<string, string>> RenderAsync(string? userName)
    {
        var text = await RenderRawAsync(userName, Template);
        return text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);
    }

    /// <summary>Renders in a tenant scope whose HttpContext carries the user's real principal (anonymous when null).</summary>
    private Task<string> RenderRawAsync(string? userName, string template, string audience = Audience, string? member = null) =>
        Site.InTenantAsync(async services =>
        {
            var principal = new ClaimsPrincipal(new ClaimsIdentity());
            if (userName is not null)
            {
                var user = await services.GetRequiredService<UserManager<IUser>>().FindByNameAsync(userName);
                principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<IUser>>().CreateAsync(user!);
            }

            var http = ShellScope.Context.CreateHttpContext();
            http.User = principal;
            services.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
            var liquid = services.GetRequiredService<ILiquidTemplateManager>();
            Assert.True(liquid.Validate(template, out var errors), "The template does not parse: " + string.Join("; ", errors));
            return await liquid.RenderStringAsync(
                template,
                NullEncoder.Default,
                null,
                new Dictionary<string, FluidValue>
                {
                    ["key"] = new StringValue(audience),
                    ["member"] = new StringValue(member ?? fixture.Member),
                    ["outsider"] = new StringValue(fixture.Outsider),
                });
        });
}
