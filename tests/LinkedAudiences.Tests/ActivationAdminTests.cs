using System.Net;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Tests;

/// <summary>Activations through the admin's content editor.</summary>
public sealed class ActivationAdminTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task CreateEditDelete_Activation_PublishesVersionsAndRemovesIt()
    {
        using var admin = await site.SignInAsAdminAsync();

        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), AdminForms.Activation("Platinum → webhook", "platinum-members"));
        var id = created.EditedItemId();
        var edited = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.Activation("Platinum → hook v2", "platinum-members", "http://127.0.0.1:9/v2"));
        var versions = await site.VersionsAsync(id);
        var deleted = await admin.SubmitAsync(AdminForms.EditPath(id), AdminForms.DeletePath(id), []);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (created.Status, edited.Status, deleted.Status));
        Assert.Equal(2, versions.Count);
        var latest = versions[1].Part<ActivationPart>();
        Assert.Equal(("platinum-members", "webhook", "audienceEntered", "http://127.0.0.1:9/v2"), (latest.AudienceKey, latest.DestinationKind, latest.Trigger, latest.Destination.Url));
        Assert.Null(await site.GetAsync(id, VersionOptions.Latest));
    }

    [Fact]
    public async Task Publish_UnknownAudienceAndTrigger_ShowsBothErrorsAndSavesNothing()
    {
        using var admin = await site.SignInAsAdminAsync();
        var before = (await site.ListAsync(ContentTypes.Activation)).Count;

        var refused = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), AdminForms.Activation("Lost", "nobody", trigger: "whenever"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["There is no published audience with the key 'nobody'."], refused.FieldErrors("ActivationPart.AudienceKey"));
        Assert.Equal(
            ["The trigger must be one of audienceEntered, audienceExited, audienceMembershipChanged, audienceMembershipOrValuesChanged, entityAdded, entityRemoved."],
            refused.FieldErrors("ActivationPart.Trigger"));
        Assert.Equal(before, (await site.ListAsync(ContentTypes.Activation)).Count);
    }

    [Fact]
    public async Task Publish_Activation_IsIndexedByItsAudience()
    {
        using var admin = await site.SignInAsAdminAsync();

        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.Activation), AdminForms.Activation("Wishlist → webhook", "agg-wishlist-over-300"));

        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        var consumers = await site.ActivationsOfAsync("agg-wishlist-over-300");
        Assert.Equal([created.EditedItemId()], consumers);
    }
}
