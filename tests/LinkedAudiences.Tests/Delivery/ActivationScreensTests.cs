using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LinkedAudiences.Core.Templates;
using LinkedAudiences.Models;
using Microsoft.Extensions.DependencyInjection;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>
/// The activation screens through the real host: the editor's live payload preview (a real member, the site's Liquid,
/// template errors located), the test event screen against a loopback receiver, and the delivery overview's counts.
/// </summary>
public sealed partial class ActivationScreensTests(Site site) : IClassFixture<Site>, IAsyncLifetime
{
    private const string Audience = "as-screens";
    private const string Preview = "/Admin/LinkedAudiences/Activations/Preview";
    private const string HeaderToken = "tok-4b1e9d0c-never-shown";
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static string? _warehouse;
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackReceiver.StartAsync();
        await Setup.WaitAsync();
        try
        {
            if (_warehouse is null || !File.Exists(_warehouse))
            {
                _warehouse = await site.UseDemoWarehouseAsync(60);
                using var admin = await site.SignInAsAdminAsync();
                await admin.CreateAudienceAsync(Audience, DeliverySupport.ActiveAccounts);
                await admin.EnableAsync(Audience);
            }
        }
        finally
        {
            Setup.Release();
        }
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Preview_MappingOverARealMember_RendersItsTraitsThroughTheSitesLiquid()
    {
        using var admin = await site.SignInAsAdminAsync();
        var members = await DeliverySupport.QueryAsync(_warehouse!, "SELECT DISTINCT profile_id FROM accounts WHERE status = 'active' ORDER BY profile_id");
        var first = members[0];
        var email = (await DeliverySupport.QueryAsync(_warehouse!, $"SELECT email FROM profiles WHERE profile_id = '{first}'")).Single();
        var fields = Form("""{"who": "{{ traits.email }}", "user": "{{ event.userId }}", "slug": "{{ "Hello World" | slugify }}"}""");
        fields["ActivationPart.EnrichmentTraits"] = "email, plan";

        var answer = await PreviewAsync(admin, fields);

        Assert.True(answer["error"] is null, answer.ToJsonString());
        Assert.Equal(first, (string?)answer["member"]);
        var payload = JsonNode.Parse((string)answer["payload"]!)!;
        // slugify is an Orchard filter: plain Fluid would leave "Hello World" as it is.
        Assert.Equal((email, first, "hello-world"), ((string?)payload["who"], (string?)payload["user"], (string?)payload["slug"]));
        Assert.StartsWith("la-", (string)payload["messageId"]!, StringComparison.Ordinal);
        var schema = answer["schema"]!.AsArray().Select(f => $"{f!["path"]}:{f["type"]}").ToList();
        Assert.Contains("properties.email:STRING", schema);
        Assert.Contains("properties.plan:STRING", schema);
    }

    [Fact]
    public async Task Preview_ChosenMemberWithoutMapping_IsTheEnrichedEventDeliveryWouldSend()
    {
        using var admin = await site.SignInAsAdminAsync();
        var members = await DeliverySupport.QueryAsync(_warehouse!, "SELECT DISTINCT profile_id FROM accounts WHERE status = 'active' ORDER BY profile_id DESC");
        var plan = (await DeliverySupport.QueryAsync(_warehouse!, $"SELECT plan FROM profiles WHERE profile_id = '{members[0]}'")).Single();
        var fields = Form(string.Empty);
        fields["ActivationPart.EnrichmentTraits"] = "plan";
        fields["previewMember"] = members[0];

        var answer = await PreviewAsync(admin, fields);

        var payload = JsonNode.Parse((string)answer["payload"]!)!;
        Assert.Equal(members[0], (string?)answer["member"]);
        Assert.Equal(("track", "Audience Entered", members[0], plan), ((string?)payload["type"], (string?)payload["event"], (string?)payload["userId"], (string?)payload["properties"]!["plan"]));
    }

    [Fact]
    public async Task Preview_TemplateSyntaxError_AnswersItsLineAndColumn()
    {
        using var admin = await site.SignInAsAdminAsync();

        var answer = await PreviewAsync(admin, Form("{\n  \"who\": \"{{ traits.email \"\n}"));

        Assert.Null(answer["payload"]);
        var error = answer["error"]!;
        Assert.Equal(2, (int?)error["line"]);
        Assert.True((int?)error["column"] > 0, error.ToJsonString());
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    [Fact]
    public async Task Preview_WithoutManageActivations_IsRefused()
    {
        await site.CreateRoleAsync("ScreensViewer", "AccessAdminPanel", "ViewAudiences");
        await site.CreateUserAsync("screensviewer1", "ScreensViewer");
        using var viewer = await site.SignInAsync("screensviewer1", Tenant.UserPassword);
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateActivationAsync(Api("refused"));

        var preview = await viewer.SubmitAsync("/Admin/LinkedAudiences/Runs/Index", Preview, Form("{}"));
        var testEvent = await viewer.GetAsync($"/Admin/LinkedAudiences/Activations/TestEvent/{id}");
        var overview = await viewer.GetAsync($"/Admin/LinkedAudiences/Activations/Delivery/{id}");

        Assert.Equal(("forbidden", "forbidden"), (Outcome(preview), Outcome(testEvent)));
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.DoesNotContain("activation-test-event-link", overview.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestEventScreen_Webhook_ShowsWhatWasSentMaskedAndWhatCameBack()
    {
        using var admin = await site.SignInAsAdminAsync();
        _receiver.Respond("test", _ => new Answer(202, """{"accepted":"yes-7d1"}"""));
        var body = Api("test");
        body["secretHeaders"] = new JsonObject { ["Authorization"] = "Bearer " + HeaderToken };
        var id = await admin.CreateActivationAsync(body);
        var member = (await DeliverySupport.QueryAsync(_warehouse!, "SELECT DISTINCT profile_id FROM accounts WHERE status = 'active' ORDER BY profile_id"))[0];
        var screen = $"/Admin/LinkedAudiences/Activations/TestEvent/{id}";

        var blank = await admin.SubmitAsync(screen, new() { ["UserId"] = " " });
        var sent = await admin.SubmitAsync(screen, new() { ["UserId"] = member });

        Assert.Equal(HttpStatusCode.OK, blank.Status);
        Assert.Contains("Give the user id (profile key) to send the test event for.", blank.Body, StringComparison.Ordinal);
        var received = Assert.Single(_receiver.On("test"));
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("202", Between(sent.Body, "id=\"test-event-status\">", "<"));
        Assert.Contains("{&quot;accepted&quot;:&quot;yes-7d1&quot;}", sent.Body, StringComparison.Ordinal);
        Assert.Contains(member, received.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer " + HeaderToken, received.Headers["Authorization"]);
        Assert.DoesNotContain(HeaderToken, sent.Body, StringComparison.Ordinal);
        Assert.Contains("***", Between(sent.Body, "id=\"test-event-sent-headers\"", "</table>"), StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(received.Body), sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliveryScreen_AfterADelivery_CountsWhatTheReceiverGot()
    {
        using var admin = await site.SignInAsAdminAsync();
        // Its own audience, enabled after the activation: an activation receives the runs after it started.
        var audienceId = await admin.CreateAudienceAsync("as-counted", DeliverySupport.ActiveAccounts);
        var body = Api("counted");
        body["audienceKey"] = "as-counted";
        var id = await admin.CreateActivationAsync(body);
        await admin.EnableAsync("as-counted");
        await site.DeliverAsync();
        var members = await DeliverySupport.QueryAsync(_warehouse!, "SELECT DISTINCT profile_id FROM accounts WHERE status = 'active'");

        var page = await admin.GetAsync($"/Admin/LinkedAudiences/Activations/Delivery/{id}");
        var editor = await admin.GetAsync(AdminForms.EditPath(id));
        var list = await admin.GetAsync(AdminForms.ListPath(ContentTypes.Activation));
        var consumers = await admin.GetAsync($"/Admin/LinkedAudiences/Audiences/Consumers/{audienceId}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var delivered = _receiver.DeliveredEvents("counted").Count;
        Assert.Equal(members.Count, delivered);
        Assert.Equal(delivered.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(page.Body, "profileEntered", "delivered"));
        Assert.Equal(delivered.ToString(System.Globalization.CultureInfo.InvariantCulture), Count(page.Body, "profileEntered", "fromAudience"));
        Assert.Equal("0", Count(page.Body, "profileEntered", "failed"));
        Assert.Contains($"/Admin/LinkedAudiences/Activations/Delivery/{id}", editor.Body, StringComparison.Ordinal);
        Assert.Contains($"/Admin/LinkedAudiences/Activations/TestEvent/{id}", editor.Body, StringComparison.Ordinal);
        Assert.All(new[] { list, consumers }, p => Assert.Contains($"/Admin/LinkedAudiences/Activations/Delivery/{id}", p.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TemplateRenderer_OutsideARequest_RendersThroughTheSitesLiquidAsDeliveryDoes()
    {
        var rendered = await site.InTenantAsync(s => s.GetRequiredService<ITemplateRenderer>().RenderAsync(
            """{"slug": "{{ name | slugify }}"}""",
            new Dictionary<string, object?> { ["name"] = "Outside A Request" },
            CancellationToken.None));

        Assert.True(rendered.Succeeded, rendered.Error?.ToString());
        Assert.Equal("""{"slug": "outside-a-request"}""", rendered.Output);
    }

    private static Dictionary<string, string> Form(string mapping) => new()
    {
        ["ActivationPart.AudienceKey"] = Audience,
        ["ActivationPart.Trigger"] = "audienceEntered",
        ["ActivationPart.DestinationKind"] = "webhook",
        ["ActivationPart.Url"] = "http://127.0.0.1:9/hook",
        ["ActivationPart.Mapping"] = mapping,
    };

    private JsonObject Api(string path) => new()
    {
        ["title"] = "screens → " + path,
        ["audienceKey"] = Audience,
        ["trigger"] = "audienceEntered",
        ["destinationKind"] = "webhook",
        ["url"] = _receiver.Url(path),
        ["enabled"] = true,
    };

    private static async Task<JsonNode> PreviewAsync(AdminSession admin, Dictionary<string, string> fields)
    {
        var page = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), Preview, fields);
        Assert.True(page.Status == HttpStatusCode.OK, $"The preview answered {(int)page.Status}: {page.Body}");
        return JsonNode.Parse(page.Body)!;
    }

    private static string Outcome(Page page) => page switch
    {
        { Status: HttpStatusCode.Forbidden } => "forbidden",
        { Status: HttpStatusCode.Redirect, Location: { } to } when to.Contains("403", StringComparison.Ordinal) || to.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase) => "forbidden",
        _ => $"{(int)page.Status} {page.Location}",
    };

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not on the page.");
        from += start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Count(string html, string kind, string column)
    {
        var row = Between(html, $"<tr data-kind=\"{kind}\">", "</tr>");
        return CountCell().Matches(row).Single(m => m.Groups[1].Value == column).Groups[2].Value;
    }

    [GeneratedRegex("data-count=\"(\\w+)\">(\\d+)<")]
    private static partial Regex CountCell();
}
