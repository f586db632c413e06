using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Core.Delivery;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using LinkedAudiences.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using YesSql;

namespace LinkedAudiences.Tests.Delivery;

/// <summary>Activations through the editor and the API: secrets kept and never shown, impact of an audience edit, bad input, test events.</summary>
public sealed class ActivationApiTests(Site site) : IClassFixture<Site>, IAsyncLifetime
{
    private const string Secret = "whsec-5d1c0b9a-never-shown";
    private const string HeaderToken = "tok-81f2e7aa-never-shown";
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync() => _receiver = await LoopbackReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task EditPage_StoredSecrets_NeverRenderedAndABlankSaveKeepsThem()
    {
        using var admin = await site.SignInAsAdminAsync();
        var fields = AdminForms.Activation("Secret hook", "platinum-members", _receiver.Url("secret"));
        fields["ActivationPart.Secret"] = Secret;
        fields["ActivationPart.SecretHeaders"] = "Authorization: Bearer " + HeaderToken;
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), fields);
        var id = created.EditedItemId();

        var editor = await admin.GetAsync(AdminForms.EditPath(id));
        var resaved = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Activation("Secret hook v2", "platinum-members", _receiver.Url("secret")));
        var editorAfter = await admin.GetAsync(AdminForms.EditPath(id));
        var api = await admin.GetAsync($"{DeliverySupport.Api}activations/{id}");
        var list = await admin.GetAsync(AdminForms.ListPath(ContentTypes.Activation));
        var stored = await site.InTenantAsync(async s =>
        {
            var part = (await s.GetRequiredService<OrchardCore.ContentManagement.IContentManager>().GetAsync(id))!.Part<ActivationPart>();
            var secrets = s.GetRequiredService<ISecretProtector>();
            return (part.Destination.ProtectedSecret!, secrets.Unprotect(part.Destination.ProtectedSecret!), secrets.Unprotect(part.Destination.ProtectedHeaders["Authorization"]));
        });

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (created.Status, resaved.Status));
        foreach (var page in new[] { editor, editorAfter, api, list })
        {
            Assert.DoesNotContain(Secret, page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(HeaderToken, page.Body, StringComparison.Ordinal);
        }

        Assert.Contains("data-la-secret-stored", editorAfter.Body, StringComparison.Ordinal);
        Assert.Contains("data-la-secret-headers-stored", editorAfter.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stored.Item1, StringComparison.Ordinal);
        Assert.Equal((Secret, "Bearer " + HeaderToken), (stored.Item2, stored.Item3));
        var json = JsonNode.Parse(api.Body)!;
        Assert.Equal((true, "Authorization"), ((bool)json["destination"]!["hasSecret"]!, (string?)json["destination"]!["secretHeaders"]![0]));
    }

    [Fact]
    public async Task Publish_EngineRefusesTheActivation_EachMessageAtItsFieldAndNothingSaved()
    {
        using var admin = await site.SignInAsAdminAsync();
        var before = (await site.ListAsync(ContentTypes.Activation)).Count;
        var fields = AdminForms.Activation("Refused", "platinum-members", "ftp://example.com/hook", trigger: "entityAdded");
        fields["ActivationPart.EnrichmentTraits"] = "plan, no_such_trait";
        fields["ActivationPart.DestinationKind"] = "segment";

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), fields);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["The trigger EntityEntered needs an entity of the definition."], refused.FieldErrors("ActivationPart.TriggerEntity"));
        Assert.Equal(["'ftp://example.com/hook' is not an absolute http or https URL."], refused.FieldErrors("ActivationPart.Url"));
        Assert.Equal(["The trait 'no_such_trait' is not in the data graph."], refused.FieldErrors("ActivationPart.EnrichmentTraits"));
        Assert.Equal(["The tracking API needs a write key."], refused.FieldErrors("ActivationPart.Secret"));
        Assert.Equal(before, (await site.ListAsync(ContentTypes.Activation)).Count);
    }

    [Fact]
    public async Task PublishAudience_DefinitionDropsTheTriggerEntity_DisablesTheActivationWithTheReason()
    {
        await site.UseDemoWarehouseAsync(40);
        using var admin = await site.SignInAsAdminAsync();
        var audienceId = await admin.CreateAudienceAsync("dl-impact", DeliverySupport.ActiveAccounts);
        var id = await admin.CreateActivationAsync(new JsonObject
        {
            ["title"] = "Accounts opened",
            ["audienceKey"] = "dl-impact",
            ["trigger"] = "entityAdded",
            ["triggerEntity"] = "account",
            ["destinationKind"] = "webhook",
            ["url"] = _receiver.Url("impact"),
            ["enabled"] = true,
        });

        var republished = await admin.SubmitAsync(AdminForms.EditPath(audienceId), AdminForms.Audience("dl-impact", "dl-impact", RepositoryFiles.Audience("platinum-members")));
        var activation = (await admin.GetJsonAsync($"{DeliverySupport.Api}activations/{id}")).Json!;
        var editor = await admin.GetAsync(AdminForms.EditPath(id));
        var list = await admin.GetAsync(AdminForms.ListPath(ContentTypes.Activation));

        Assert.Equal(HttpStatusCode.Redirect, republished.Status);
        Assert.False((bool)activation["enabled"]!);
        Assert.Contains("no longer matches entity 'account'", (string)activation["disabledReason"]!, StringComparison.Ordinal);
        Assert.Contains("data-la-disabled-reason", editor.Body, StringComparison.Ordinal);
        Assert.Contains("no longer matches entity &#x27;account&#x27;", editor.Body, StringComparison.Ordinal);
        Assert.Contains("data-la-disabled-reason", list.Body, StringComparison.Ordinal);
        Assert.False(await ActivationIndexEnabledAsync(id));
    }

    [Fact]
    public async Task Api_BadInput_Answers400WithFieldAndRule()
    {
        using var admin = await site.SignInAsAdminAsync();
        var before = (await site.ListAsync(ContentTypes.Activation)).Count;

        var invalid = await admin.SendJsonAsync(HttpMethod.Post, DeliverySupport.Api + "activations",
            """{"audienceKey":"platinum-members","trigger":"entityAdded","destinationKind":"webhook","url":"not a url","enrichmentTraits":["no_such_trait"],"enabled":true}""");
        var unknownMember = await admin.SendJsonAsync(HttpMethod.Post, DeliverySupport.Api + "activations", """{"audienceKey":"platinum-members","colour":"red"}""");
        var notJson = await admin.SendJsonAsync(HttpMethod.Post, DeliverySupport.Api + "activations", "{ this is not json");
        var badBucket = await admin.GetJsonAsync($"{DeliverySupport.Api}activations/la-act-uc1-webhook/overview?bucketMinutes=abc");
        var anonymous = await site.NewSession().PostJsonAsync(DeliverySupport.Api + "activations", null, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.Status);
        var errors = invalid.Json!["errors"]!.AsArray().Select(e => ((string?)e!["field"], (string?)e["rule"])).ToList();
        Assert.Contains(("triggerEntity", "trigger-entity-required"), errors);
        Assert.Contains(("url", "invalid-url"), errors);
        Assert.Contains(("enrichmentTraits", "unknown-trait"), errors);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-json"), (unknownMember.Status, (string?)unknownMember.Json!["errors"]![0]!["rule"]));
        Assert.Equal((HttpStatusCode.BadRequest, "invalid-json"), (notJson.Status, (string?)notJson.Json!["errors"]![0]!["rule"]));
        Assert.Equal((HttpStatusCode.BadRequest, "bucketMinutes"), (badBucket.Status, (string?)badBucket.Json!["errors"]![0]!["field"]));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal(before, (await site.ListAsync(ContentTypes.Activation)).Count);
    }

    [Fact]
    public async Task Api_CreateTestEventUpdateDelete_ShowsWhatWasSentAndWhatCameBack()
    {
        using var admin = await site.SignInAsAdminAsync();
        _receiver.Respond("test", _ => new Answer(202, "{\"accepted\":true}"));
        var id = await admin.CreateActivationAsync(new JsonObject
        {
            ["title"] = "Test events",
            ["audienceKey"] = "platinum-members",
            ["trigger"] = "audienceEntered",
            ["destinationKind"] = "webhook",
            ["url"] = _receiver.Url("test"),
            ["secret"] = Secret,
            ["secretHeaders"] = new JsonObject { ["Authorization"] = "Bearer " + HeaderToken },
            ["enabled"] = true,
        });

        var test = await admin.SendJsonAsync(HttpMethod.Post, $"{DeliverySupport.Api}activations/{id}/test-event", """{"userId":"u0000007"}""");
        var updated = await admin.SendJsonAsync(HttpMethod.Put, $"{DeliverySupport.Api}activations/{id}",
            $$"""{"title":"Test events v2","audienceKey":"platinum-members","trigger":"audienceExited","destinationKind":"webhook","url":"{{_receiver.Url("test2")}}","enabled":true}""");
        var overview = await admin.OverviewAsync(id);
        var deleted = await admin.SendJsonAsync(HttpMethod.Delete, $"{DeliverySupport.Api}activations/{id}", "");
        var gone = await admin.GetJsonAsync($"{DeliverySupport.Api}activations/{id}");

        Assert.Equal(HttpStatusCode.OK, test.Status);
        var sent = test.Json!["sent"]!;
        var received = Assert.Single(_receiver.On("test"));
        Assert.Equal(received.Body, (string?)sent["body"]);
        Assert.Equal("u0000007", (string?)JsonNode.Parse(received.Body)![0]!["userId"]);
        Assert.Equal(DeliverySupport.Signature(received.Body, Secret), received.Headers["X-LinkedAudiences-Signature"]);
        Assert.Equal("Bearer " + HeaderToken, received.Headers["Authorization"]);
        Assert.DoesNotContain(HeaderToken, test.Json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal((true, 202, "{\"accepted\":true}"), ((bool)test.Json["delivered"]!, (int)test.Json["received"]!["status"]!, (string?)test.Json["received"]!["body"]));
        Assert.Empty(overview["kinds"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(("audienceExited", "Test events v2", true), ((string?)updated.Json!["trigger"], (string?)updated.Json["title"], (bool)updated.Json["destination"]!["hasSecret"]!));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (deleted.Status, gone.Status));
    }

    [Fact]
    public async Task Publish_SendExistingMembers_DeliversTheCurrentMembersOnce()
    {
        var warehouse = await site.UseDemoWarehouseAsync(60);
        var members = await RunsSupport.EngineMembersAsync(warehouse, "platinum-members");
        using var admin = await site.SignInAsAdminAsync();
        await admin.CreateAudienceAsync("dl-existing", RepositoryFiles.Audience("platinum-members"));
        await admin.EnableAsync("dl-existing");

        var id = await admin.CreateActivationAsync(new JsonObject
        {
            ["title"] = "Current members",
            ["audienceKey"] = "dl-existing",
            ["trigger"] = "audienceEntered",
            ["sendExistingMembers"] = true,
            ["destinationKind"] = "webhook",
            ["url"] = _receiver.Url("existing"),
            ["enabled"] = true,
        });
        var enqueued = await RunsSupport.EventuallyAsync(() => admin.OverviewAsync(id), o => o["kinds"]!.AsArray().Count > 0);
        await site.DeliverAsync();
        await site.DeliverAsync();

        Assert.Equal(members.Count, (long)DeliverySupport.Totals(enqueued, "profileEntered")["pending"]!);
        var delivered = _receiver.DeliveredEvents("existing");
        Assert.Equal(members.Order(StringComparer.Ordinal), delivered.Select(e => (string)e["userId"]!).Order(StringComparer.Ordinal));
        Assert.Equal(members.Count, delivered.Select(e => (string)e["messageId"]!).Distinct().Count());
        Assert.All(delivered, e => Assert.Equal("Audience Entered", (string?)e["event"]));
    }

    [Fact]
    public async Task Api_ActivationEndpoints_AskTheirPermissionAndAreInTheOpenApiDocument()
    {
        await site.CreateRoleAsync("ActivationViewer", "AccessAdminPanel", "ViewAudiences");
        await site.CreateUserAsync("activation-viewer", "ActivationViewer");
        using var admin = await site.SignInAsAdminAsync();
        var id = await admin.CreateActivationAsync(new JsonObject
        {
            ["title"] = "Permissions",
            ["audienceKey"] = "platinum-members",
            ["trigger"] = "audienceEntered",
            ["destinationKind"] = "webhook",
            ["url"] = _receiver.Url("permissions"),
            ["enabled"] = false,
        });
        using var viewer = await site.SignInAsync("activation-viewer", Tenant.UserPassword);
        using var anonymous = site.NewSession();
        var body = """{"audienceKey":"platinum-members","trigger":"audienceEntered","destinationKind":"webhook","url":"http://127.0.0.1:9/x"}""";

        var viewerStatuses = new[]
        {
            (await viewer.GetJsonAsync($"{DeliverySupport.Api}activations/{id}")).Status,
            (await viewer.GetJsonAsync($"{DeliverySupport.Api}activations/{id}/overview")).Status,
            (await viewer.SendJsonAsync(HttpMethod.Post, DeliverySupport.Api + "activations", body)).Status,
            (await viewer.SendJsonAsync(HttpMethod.Put, $"{DeliverySupport.Api}activations/{id}", body)).Status,
            (await viewer.SendJsonAsync(HttpMethod.Delete, $"{DeliverySupport.Api}activations/{id}", "")).Status,
            (await viewer.SendJsonAsync(HttpMethod.Post, $"{DeliverySupport.Api}activations/{id}/test-event", """{"userId":"u1"}""")).Status,
        };
        var anonymousStatuses = new[]
        {
            (await anonymous.GetJsonAsync($"{DeliverySupport.Api}activations/{id}/overview")).Status,
            (await anonymous.PostJsonAsync($"{DeliverySupport.Api}activations/{id}/test-event", null, """{"userId":"u1"}""")).Status,
        };
        var withoutToken = await admin.PostJsonAsync($"{DeliverySupport.Api}activations/{id}/test-event", null, """{"userId":"u1"}""");
        var paths = (await anonymous.GetJsonAsync(DeliverySupport.Api + "openapi.json")).Json!["paths"]!;

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], viewerStatuses);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], anonymousStatuses);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.Status);
        Assert.Empty(_receiver.On("permissions"));
        Assert.Equal("ManageActivations", (string?)paths["/api/linked-audiences/activations"]!["post"]!["x-permission"]);
        Assert.Equal("ManageActivations", (string?)paths["/api/linked-audiences/activations/{id}"]!["put"]!["x-permission"]);
        Assert.Equal("ManageActivations", (string?)paths["/api/linked-audiences/activations/{id}"]!["delete"]!["x-permission"]);
        Assert.Equal("ManageActivations", (string?)paths["/api/linked-audiences/activations/{id}/test-event"]!["post"]!["x-permission"]);
        Assert.Equal("ViewAudiences", (string?)paths["/api/linked-audiences/activations/{id}/overview"]!["get"]!["x-permission"]);
        Assert.NotNull(paths["/api/linked-audiences/activations"]!["post"]!["requestBody"]);
    }

    private Task<bool> ActivationIndexEnabledAsync(string id) =>
        site.InTenantAsync(async s =>
        {
            var rows = await s.GetRequiredService<ISession>().QueryIndex<Indexes.ActivationIndex>(x => x.ContentItemId == id && x.Published).ListAsync();
            return rows.Single().Enabled;
        });
}
