using System.Net;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Tests;

/// <summary>Linked audiences through the admin's content editor: real form posts, validated by the engine on publish.</summary>
public sealed class LinkedAudienceAdminTests(Site site) : IClassFixture<Site>
{
    private const string DefinitionField = "LinkedAudiencePart.Definition";

    private static readonly string Wishlist = RepositoryFiles.Audience("agg-wishlist-over-300");

    private static readonly string TwoErrors = """
        {
          "schemaVersion": 1,
          "target": { "type": "profile" },
          "groups": [ { "conditions": [
            { "kind": "trait", "trait": "shoe_size", "operator": "equals", "value": 42 },
            { "kind": "trait", "trait": "plan", "operator": "greaterThan", "value": "pro" }
          ] } ]
        }
        """;

    [Fact]
    public async Task Create_ValidDefinition_PublishesItWithKeyGraphAndLockedTarget()
    {
        using var admin = await site.SignInAsAdminAsync();

        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Wishlist fans", "wishlist-fans", Wishlist));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var item = await site.GetAsync(created.EditedItemId(), VersionOptions.Published);
        var part = Assert.IsType<ContentItem>(item).Part<LinkedAudiencePart>();
        Assert.Equal(("Wishlist fans", "wishlist-fans", "demo", "profile"), (item.DisplayText, part.Key, part.GraphKey, part.PublishedTarget));
        Assert.Equal(Wishlist, part.Definition);
    }

    [Fact]
    public async Task Edit_PublishedAudience_KeepsTheFirstVersionInTheHistory()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Wishlist v1", "wishlist-versions", Wishlist))).EditedItemId();
        var second = Wishlist.Replace("300", "500", StringComparison.Ordinal);

        var edited = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Audience("Wishlist v2", "wishlist-versions", second));

        Assert.Equal(HttpStatusCode.Redirect, edited.Status);
        var versions = await site.VersionsAsync(id);
        Assert.Equal(2, versions.Count);
        Assert.Equal((false, Wishlist), (versions[0].Published, versions[0].Part<LinkedAudiencePart>().Definition));
        Assert.Equal((true, true, second), (versions[1].Published, versions[1].Latest, versions[1].Part<LinkedAudiencePart>().Definition));
    }

    [Fact]
    public async Task Publish_InvalidDefinition_ShowsEveryErrorAtTheDefinitionAndKeepsThePublishedVersion()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Stable", "stable-audience", Wishlist))).EditedItemId();

        var refused = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Audience("Broken", "stable-audience", TwoErrors));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var errors = refused.FieldErrors(DefinitionField);
        Assert.Contains(errors, e => e.StartsWith("$.groups[0].conditions[0].trait:", StringComparison.Ordinal) && e.EndsWith("[unknown-trait]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("$.groups[0].conditions[1].operator:", StringComparison.Ordinal) && e.EndsWith("[operator-not-allowed]", StringComparison.Ordinal));
        var versions = await site.VersionsAsync(id);
        var only = Assert.Single(versions);
        Assert.Equal(("Stable", Wishlist, true), (only.DisplayText, only.Part<LinkedAudiencePart>().Definition, only.Published));
    }

    [Fact]
    public async Task Create_UnreadableJson_SavesNothingAndShowsTheReadingError()
    {
        using var admin = await site.SignInAsAdminAsync();

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Half", "half-saved", "{ \"groups\": [ "));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.FieldErrors(DefinitionField), e => e.EndsWith("[invalid-json]", StringComparison.Ordinal));
        Assert.DoesNotContain(await site.ListAsync(ContentTypes.LinkedAudience), a => a.Part<LinkedAudiencePart>().Key == "half-saved");
        Assert.Null(await site.AudienceIndexAsync("half-saved"));
    }

    [Fact]
    public async Task Publish_ChangedTarget_IsRefusedAndTheProfileTargetStays()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Cards", "target-locked", RepositoryFiles.Audience("uc1-outstanding-credit-card")))).EditedItemId();

        var refused = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Audience("Cards", "target-locked", RepositoryFiles.Audience("entity-outstanding-credit-cards")));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var error = Assert.Single(refused.FieldErrors(DefinitionField));
        Assert.StartsWith("$.target:", error, StringComparison.Ordinal);
        Assert.EndsWith("[target-locked]", error, StringComparison.Ordinal);
        Assert.Contains("'profile'", error, StringComparison.Ordinal);
        var published = Assert.Single(await site.VersionsAsync(id));
        Assert.Equal("profile", published.Part<LinkedAudiencePart>().PublishedTarget);
    }

    [Fact]
    public async Task Publish_UnknownGraph_ShowsTheErrorAtTheGraphField()
    {
        using var admin = await site.SignInAsAdminAsync();

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("No graph", "no-graph", Wishlist, graphKey: "nowhere"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["There is no published data graph with the key 'nowhere'."], refused.FieldErrors("LinkedAudiencePart.GraphKey"));
    }

    [Fact]
    public async Task Publish_IntervalWithoutMinutes_ShowsTheErrorAtTheIntervalField()
    {
        using var admin = await site.SignInAsAdminAsync();

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Hourly", "hourly", Wishlist, scheduleKind: "Interval"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var error = Assert.Single(refused.FieldErrors("LinkedAudiencePart.IntervalMinutes"));
        Assert.StartsWith("schedule.intervalMinutes must be one of 15, 30, 60", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_IntervalSchedule_IsIndexedForTheScheduler()
    {
        using var admin = await site.SignInAsAdminAsync();

        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Hourly", "hourly-ok", Wishlist, scheduleKind: "Interval", intervalMinutes: "60"));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var index = await site.AudienceIndexAsync("hourly-ok");
        Assert.Equal(("hourly-ok", "demo", "interval", "Disabled", false), (index!.AudienceKey, index.GraphKey, index.ScheduleKind, index.Status, index.Enabled));
    }

    [Fact]
    public async Task Create_TakenKey_ShowsTheErrorAtTheKeyField()
    {
        using var admin = await site.SignInAsAdminAsync();

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Copy", "platinum-members", Wishlist));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["Another audience already uses the key 'platinum-members'."], refused.FieldErrors("LinkedAudiencePart.Key"));
    }

    [Fact]
    public async Task Publish_ImportCycle_IsRefusedWithTheCycleRule()
    {
        using var admin = await site.SignInAsAdminAsync();
        var first = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("First", "cycle-first", Wishlist))).EditedItemId();
        var second = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Second", "cycle-second", Importing("cycle-first")))).EditedItemId();
        Assert.NotEmpty(second);

        var refused = await admin.SubmitAsync(AdminForms.EditPath(first), AdminForms.Audience("First", "cycle-first", Importing("cycle-second")));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(refused.FieldErrors(DefinitionField), e => e.EndsWith("[audience-cycle]", StringComparison.Ordinal));
        Assert.Single(await site.VersionsAsync(first));
    }

    [Fact]
    public async Task Delete_ConsumedAudience_IsRefusedAndNamesItsConsumers()
    {
        using var admin = await site.SignInAsAdminAsync();
        var platinum = (await site.ListAsync(ContentTypes.LinkedAudience)).Single(a => a.Part<LinkedAudiencePart>().Key == "platinum-members");

        var refused = await admin.SubmitAsync(AdminForms.EditPath(platinum.ContentItemId), AdminForms.DeletePath(platinum.ContentItemId), []);
        var next = await admin.GetAsync(refused.Location!);

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.Contains("was not deleted: it is consumed by audience UC2: Cat owners in the platinum tier (uc2-cat-owners-platinum)", WebUtility.HtmlDecode(next.Body), StringComparison.Ordinal);
        Assert.NotNull(await site.GetAsync(platinum.ContentItemId, VersionOptions.Published));
    }

    [Fact]
    public async Task Unpublish_ConsumedAudience_IsRefusedAndStaysPublished()
    {
        using var admin = await site.SignInAsAdminAsync();
        var platinum = (await site.ListAsync(ContentTypes.LinkedAudience)).Single(a => a.Part<LinkedAudiencePart>().Key == "platinum-members");

        var refused = await admin.SubmitAsync(AdminForms.EditPath(platinum.ContentItemId), $"/Admin/Contents/ContentItems/{platinum.ContentItemId}/Unpublish", []);
        var next = await admin.GetAsync(refused.Location!);

        Assert.Contains("'platinum-members' was not unpublished: it is consumed by audience UC2", WebUtility.HtmlDecode(next.Body), StringComparison.Ordinal);
        Assert.NotNull(await site.GetAsync(platinum.ContentItemId, VersionOptions.Published));
    }

    [Fact]
    public async Task Delete_AudienceWithAnActivation_IsRefusedAndNamesTheActivation()
    {
        using var admin = await site.SignInAsAdminAsync();
        var uc1 = (await site.ListAsync(ContentTypes.LinkedAudience)).Single(a => a.Part<LinkedAudiencePart>().Key == "uc1-outstanding-credit-card");

        var refused = await admin.SubmitAsync(AdminForms.EditPath(uc1.ContentItemId), AdminForms.DeletePath(uc1.ContentItemId), []);
        var next = await admin.GetAsync(refused.Location!);

        Assert.Contains("consumed by activation UC1 entered → webhook", WebUtility.HtmlDecode(next.Body), StringComparison.Ordinal);
        Assert.NotNull(await site.GetAsync(uc1.ContentItemId, VersionOptions.Published));
    }

    [Fact]
    public async Task Delete_UnconsumedAudience_RemovesEveryVersion()
    {
        using var admin = await site.SignInAsAdminAsync();
        var id = (await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience("Short lived", "short-lived", Wishlist))).EditedItemId();

        var deleted = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.DeletePath(id), []);

        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Null(await site.GetAsync(id, VersionOptions.Latest));
        Assert.Null(await site.GetAsync(id, VersionOptions.Published));
    }

    private static string Importing(string key) => $$"""
        { "schemaVersion": 1, "target": { "type": "profile" },
          "groups": [ { "conditions": [ { "kind": "audience", "audience": "{{key}}", "mode": "import" } ] } ] }
        """;
}
