using System.Net;
using System.Text.Json.Nodes;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Tests;

/// <summary>Data graphs through the admin's content editor, checked by the engine's graph validator on publish.</summary>
public sealed class DataGraphAdminTests(Site site) : IClassFixture<Site>
{
    private const string GraphField = "DataGraphPart.Graph";

    private static readonly string Demo = File.ReadAllText(RepositoryFiles.DemoGraph);

    [Fact]
    public async Task Create_DemoGraph_PublishesItUnderItsKey()
    {
        using var admin = await site.SignInAsAdminAsync();

        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("Copy", "demo-copy", Demo));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var part = (await site.GetAsync(created.EditedItemId(), VersionOptions.Published))!.Part<DataGraphPart>();
        Assert.Equal(("demo-copy", "demo-copy", Demo), (part.Key, part.PublishedKey, part.Graph));
    }

    [Fact]
    public async Task Edit_PublishedGraph_KeepsTheFirstVersionAndTheKey()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("V1", "graph-versions", Demo))).EditedItemId();
        var second = WithoutLastRelationship(Demo);

        // The key field is read-only once published: a posted change is ignored rather than breaking the audiences using it.
        var edited = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Graph("V2", "renamed", second));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var versions = await site.VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal((false, Demo), (versions[0].Published, versions[0].Part<DataGraphPart>().Graph));
        Assert.Equal((true, "graph-versions", second), (versions[1].Published, versions[1].Part<DataGraphPart>().Key, versions[1].Part<DataGraphPart>().Graph));
    }

    [Fact]
    public async Task Publish_InvalidGraph_ShowsTheEngineErrorsAtTheGraphAndKeepsThePublishedVersion()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("Stable", "graph-stable", Demo))).EditedItemId();
        var broken = JsonNode.Parse(Demo)!;
        broken["relationships"]![0]!["to"] = "spaceship";

        var refused = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Graph("Broken", "graph-stable", broken.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.FieldErrors(GraphField), e => e.StartsWith("$.relationships[0].to:", StringComparison.Ordinal) && e.EndsWith("[unknown-entity]", StringComparison.Ordinal));
        var only = Assert.Single(await site.VersionsAsync(id));
        Assert.Equal(("Stable", Demo), (only.DisplayText, only.Part<DataGraphPart>().Graph));
    }

    [Fact]
    public async Task Create_UnreadableGraphAndBadKey_SavesNothingAndShowsBothErrors()
    {
        using var admin = await site.SignInAsAdminAsync();
        var before = (await site.ListAsync(ContentTypes.DataGraph)).Count;

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("Half", "Not A Key", "{ \"profile\": "));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.FieldErrors(GraphField), e => e.EndsWith("[invalid-json]", StringComparison.Ordinal));
        Assert.Single(refused.FieldErrors("DataGraphPart.Key"));
        Assert.Equal(before, (await site.ListAsync(ContentTypes.DataGraph)).Count);
    }

    [Fact]
    public async Task SaveDraft_InvalidGraph_IsKeptAsADraftButNotPublished()
    {
        using var admin = await site.SignInAsAdminAsync();

        var saved = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("Draft", "graph-draft", "{}", AdminForms.SaveDraft));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var id = saved.EditedItemId();
        Assert.Null(await site.GetAsync(id, VersionOptions.Published));
        Assert.Equal("{}", (await site.GetAsync(id, VersionOptions.Latest))!.Part<DataGraphPart>().Graph);
    }

    [Fact]
    public async Task Delete_Graph_RemovesIt()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.DataGraph), AdminForms.Graph("Gone", "graph-gone", Demo))).EditedItemId();

        var deleted = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.DeletePath(id), []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Null(await site.GetAsync(id, VersionOptions.Latest));
    }

    [Fact]
    public async Task DeleteAndUnpublish_GraphWithAudiences_AreRefusedAndNameTheAudiences()
    {
        using var admin = await site.SignInAsAdminAsync();
        const string demo = "la-graph-demo";

        var deleted = await admin.SubmitAsync(AdminForms.EditPath(demo), AdminForms.DeletePath(demo), []);
        var afterDelete = WebUtility.HtmlDecode((await admin.GetAsync(deleted.Location!)).Body);
        var unpublished = await admin.SubmitAsync(AdminForms.EditPath(demo), $"/Admin/Contents/ContentItems/{demo}/Unpublish", []);
        var afterUnpublish = WebUtility.HtmlDecode((await admin.GetAsync(unpublished.Location!)).Body);

        Assert.Contains("'demo' was not deleted: it is consumed by audience ", afterDelete, StringComparison.Ordinal);
        Assert.Contains("audience Platinum members (platinum-members)", afterDelete, StringComparison.Ordinal);
        Assert.Contains("'demo' was not unpublished: it is consumed by audience ", afterUnpublish, StringComparison.Ordinal);
        Assert.NotNull(await site.GetAsync(demo, VersionOptions.Published));
    }

    private static string WithoutLastRelationship(string json)
    {
        var graph = JsonNode.Parse(json)!;
        var relationships = graph["relationships"]!.AsArray();
        relationships.RemoveAt(relationships.Count - 1);
        return graph.ToJsonString();
    }
}
