using System.Net;
using System.Text.RegularExpressions;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using LinkedAudiences.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Workflows.Services;

namespace LinkedAudiences.Tests.Workflows;

/// <summary>The demo recipe's workflow and the workflow designer's editors for the audience activities.</summary>
public sealed partial class WorkflowDemoTests(Site site) : IClassFixture<Site>, IDisposable
{
    private const string DemoWorkflow = "la-wf-uc1-entered-webhook";
    private const string Uc1 = "uc1-outstanding-credit-card";

    private static readonly string[] ActivityTitles =
    [
        "Profile entered audience", "Profile exited audience", "Entity entered audience", "Entity exited audience",
        "Audience membership changed", "Audience values changed", "Audience run completed", "Audience run failed",
        "Run linked audience", "Check audience membership",
    ];

    private readonly LoopbackReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task DemoRecipeWorkflow_Uc1ProfilesEnter_PostsALiquidBodyPerMemberToTheWebhookOnce()
    {
        var warehouse = await site.UseDemoWarehouseAsync(150);
        var members = await RunsSupport.EngineMembersAsync(warehouse, Uc1);
        var shipped = await site.InTenantAsync(async services =>
        {
            var types = services.GetRequiredService<IWorkflowTypeStore>();
            var type = await types.GetAsync(DemoWorkflow);
            var wasEnabled = type.IsEnabled;
            var start = type.Activities.Single(a => a.IsStart);
            var post = type.Activities.Single(a => a.Name == "HttpRequestTask");
            var url = (string?)post.Properties["Url"]!["Expression"];

            // The demo points at a webhook the visitor runs; the test points it at its own.
            post.Properties["Url"]!["Expression"] = _receiver.BaseUrl + "/hooks/linked-audiences";
            type.IsEnabled = true;
            await types.SaveAsync(type);
            return (wasEnabled, start.Name, (string?)start.Properties["AudienceKey"], url);
        });

        await site.EnableAsync(Uc1);
        await site.PumpAsync();
        await site.PumpAsync();

        Assert.Equal((false, nameof(ProfileEnteredAudienceEvent), Uc1, "http://localhost:5000/hooks/linked-audiences"), shipped);
        Assert.True(members.Count > 5, $"UC1 has members in the demo warehouse ({members.Count}).");
        var requests = _receiver.At("/hooks/linked-audiences");
        Assert.Equal(members.Order(StringComparer.Ordinal), requests.Select(r => (string)r.Json!["profileId"]!).Order(StringComparer.Ordinal));
        Assert.All(requests, r =>
        {
            Assert.Equal(("Audience Entered", Uc1), ((string?)r.Json!["event"], (string?)r.Json!["audience"]));
            Assert.Equal(r.MessageId, (string?)r.Json!["messageId"]);
            Assert.StartsWith("la-", r.MessageId, StringComparison.Ordinal);
        });
        Assert.Equal(requests.Count, requests.Select(r => r.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(members.Count, (await site.InstancesAsync(DemoWorkflow)).Count);
    }

    [Fact]
    public async Task Designer_ListsTheAudienceActivities_AndTheEntityEventEditorSavesAudienceAndEntity()
    {
        using var admin = await site.SignInAsAdminAsync();
        var typeId = await site.InTenantAsync(async services => (await services.GetRequiredService<IWorkflowTypeStore>().GetAsync(DemoWorkflow)).Id);

        var editor = await admin.GetAsync($"/Admin/Workflows/Types/Edit/{typeId}");
        var addPath = $"/Admin/Workflows/Types/{typeId}/Activity/{nameof(EntityExitedAudienceEvent)}/Add?returnUrl=%2FAdmin%2FWorkflows%2FTypes%2FEdit%2F{typeId}";
        var add = await admin.GetAsync(addPath);
        var fields = HiddenFields(add.Body);
        fields[FieldName(add.Body, "AudienceKey")] = Uc1;
        fields[FieldName(add.Body, "Entity")] = "credit_card";
        var saved = await admin.SubmitAsync(addPath, addPath, fields);
        var runEditor = await admin.GetAsync($"/Admin/Workflows/Types/{typeId}/Activity/{nameof(RunLinkedAudienceTask)}/Add?returnUrl=%2F");
        var checkEditor = await admin.GetAsync($"/Admin/Workflows/Types/{typeId}/Activity/{nameof(CheckAudienceMembershipTask)}/Add?returnUrl=%2F");
        var activity = await site.InTenantAsync(async services =>
            (await services.GetRequiredService<IWorkflowTypeStore>().GetAsync(DemoWorkflow)).Activities.SingleOrDefault(a => a.Name == nameof(EntityExitedAudienceEvent)));

        Assert.Equal(HttpStatusCode.OK, editor.Status);
        Assert.All(ActivityTitles, title => Assert.Contains(title, editor.Body, StringComparison.Ordinal));
        Assert.Contains($"data-audience=\"{Uc1}\"", editor.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, add.Status);
        Assert.Contains($"<option value=\"{Uc1}\">", add.Body, StringComparison.Ordinal);
        Assert.Contains("<option value=\"credit_card\">", add.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.All([runEditor, checkEditor], page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains($"<option value=\"{Uc1}\">", page.Body, StringComparison.Ordinal);
            Assert.Contains("AudienceKeyExpression", page.Body, StringComparison.Ordinal);
        });
        Assert.Contains("ProfileId", checkEditor.Body, StringComparison.Ordinal);
        Assert.NotNull(activity);
        Assert.Equal((Uc1, "credit_card"), ((string?)activity.Properties["AudienceKey"], (string?)activity.Properties["Entity"]));
    }

    [Fact]
    public async Task SettingsPage_SavesTheFloodLimits_AndAFormWithoutThemKeepsThem()
    {
        using var admin = await site.SignInAsAdminAsync();
        const string Path = "/Admin/Settings/LinkedAudiences";
        const string Field = "ISite.WorkflowBridgeSettings.";

        var shown = await admin.GetAsync(Path);
        var saved = await admin.SubmitAsync(Path, new() { [Field + "MaxWorkflowStartsPerRun"] = "250", [Field + "AudienceLimits"] = "wf-a = 5\r\nwf-b = 7" });
        var afterSave = await BridgeSettingsAsync();
        var refused = await admin.SubmitAsync(Path, new() { [Field + "AudienceLimits"] = "wf-a five" });
        var untouched = await admin.SubmitAsync(Path, new() { ["ISite.LinkedAudiencesSettings.WarehouseKind"] = string.Empty });
        var afterOther = await BridgeSettingsAsync();

        Assert.Contains("name=\"ISite.WorkflowBridgeSettings.MaxWorkflowStartsPerRun\" value=\"1000\"", shown.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal((250, 5, 7), (afterSave.MaxWorkflowStartsPerRun, afterSave.LimitFor("wf-a"), afterSave.LimitFor("wf-b")));
        Assert.Equal(250, afterSave.LimitFor("wf-other"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("is not &#x27;audience-key = limit&#x27;", refused.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, untouched.Status);
        Assert.Equal((250, 5, 7), (afterOther.MaxWorkflowStartsPerRun, afterOther.LimitFor("wf-a"), afterOther.LimitFor("wf-b")));
    }

    private Task<LinkedAudiences.Workflows.Bridge.WorkflowBridgeSettings> BridgeSettingsAsync() =>
        site.InTenantAsync(async services =>
            OrchardCore.Entities.EntityExtensions.GetOrCreate<LinkedAudiences.Workflows.Bridge.WorkflowBridgeSettings>(
                await services.GetRequiredService<OrchardCore.Settings.ISiteService>().GetSiteSettingsAsync()));

    private static Dictionary<string, string> HiddenFields(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(html))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (tag.Contains("type=\"hidden\"", StringComparison.Ordinal) && name is not null && name != "__RequestVerificationToken")
            {
                fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? string.Empty);
            }
        }

        return fields;
    }

    private static string FieldName(string html, string property)
    {
        var match = Regex.Match(html, $"<select[^>]*name=\"([^\"]*{property})\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"The editor has no {property} select.");
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputTag();
}
