using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement.Metadata;
using OrchardCore.ContentManagement.Metadata.Models;
using OrchardCore.ContentManagement.Metadata.Settings;

namespace LinkedAudiences.Tests;

/// <summary>The demo host as `dotnet run` leaves it: set up by AutoSetup with the demo recipe, its content valid.</summary>
public sealed class DemoSiteTests(Site site) : IClassFixture<Site>
{
    [Fact]
    public async Task Setup_FreshTenant_LogsNoErrors()
    {
        using var admin = await site.SignInAsAdminAsync();
        var dashboard = await admin.GetAsync("/Admin");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Empty(site.Logs.Errors);
    }

    [Fact]
    public async Task Setup_DemoRecipe_PublishesTheGraphEveryExampleAudienceAndAWebhookActivation()
    {
        var graphs = await site.ListAsync(ContentTypes.DataGraph);
        var audiences = await site.ListAsync(ContentTypes.LinkedAudience);
        var activations = await site.ListAsync(ContentTypes.Activation);

        Assert.Equal(["demo"], graphs.Select(g => g.Part<DataGraphPart>().Key));
        var examples = Directory.GetFiles(RepositoryFiles.Audiences, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(examples, audiences.Select(a => a.Part<LinkedAudiencePart>().Key).Order(StringComparer.Ordinal));
        var activation = Assert.Single(activations).Part<ActivationPart>();
        Assert.Equal(("uc1-outstanding-credit-card", DestinationKinds.Webhook), (activation.AudienceKey, activation.DestinationKind));
    }

    [Fact]
    public async Task Setup_DemoRecipe_CarriesTheExampleDocumentsUnchanged()
    {
        var graph = Assert.Single(await site.ListAsync(ContentTypes.DataGraph)).Part<DataGraphPart>();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(RepositoryFiles.DemoGraph)), JsonNode.Parse(graph.Graph)));

        foreach (var audience in (await site.ListAsync(ContentTypes.LinkedAudience)).Select(a => a.Part<LinkedAudiencePart>()))
        {
            var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Audiences, audience.Key + ".json")));
            Assert.True(JsonNode.DeepEquals(example, JsonNode.Parse(audience.Definition)), audience.Key);
            Assert.Equal(("demo", audience.Key), (audience.GraphKey, audience.PublishedKey));
        }
    }

    [Fact]
    public async Task Setup_DemoRecipe_LocksEachAudienceTargetAtItsFirstPublish()
    {
        var targets = (await site.ListAsync(ContentTypes.LinkedAudience))
            .Select(a => a.Part<LinkedAudiencePart>())
            .ToDictionary(p => p.Key, p => p.PublishedTarget, StringComparer.Ordinal);

        Assert.Equal("entity:credit_card", targets["entity-outstanding-credit-cards"]);
        Assert.Equal("profile", targets["uc1-outstanding-credit-card"]);
    }

    [Theory]
    [InlineData(ContentTypes.DataGraph, nameof(DataGraphPart))]
    [InlineData(ContentTypes.LinkedAudience, nameof(LinkedAudiencePart))]
    [InlineData(ContentTypes.Activation, nameof(ActivationPart))]
    public async Task Migration_ContentType_IsDraftableVersionableSecurableListableWithTitleAndItsPart(string contentType, string part)
    {
        var definition = await site.InTenantAsync(s => s.GetRequiredService<IContentDefinitionManager>().GetTypeDefinitionAsync(contentType));

        var settings = definition.GetSettings<ContentTypeSettings>();
        Assert.Equal((true, true, true, true, true), (settings.Creatable, settings.Listable, settings.Draftable, settings.Versionable, settings.Securable));
        Assert.Equal(["TitlePart", part], definition.Parts.Select(p => p.Name));
    }

    [Fact]
    public async Task AdminMenu_Administrator_HasAudiencesWithGraphsAudiencesAndActivations()
    {
        using var admin = await site.SignInAsAdminAsync();
        var dashboard = await admin.GetAsync("/Admin");

        Assert.Contains("/Admin/Contents/ContentItems/DataGraph", dashboard.Body, StringComparison.Ordinal);
        Assert.Contains("/Admin/LinkedAudiences/Audiences/Index", dashboard.Body, StringComparison.Ordinal);
        Assert.Contains("/Admin/Contents/ContentItems/Activation", dashboard.Body, StringComparison.Ordinal);
        Assert.Contains("/Admin/Settings/LinkedAudiences", dashboard.Body, StringComparison.Ordinal);
    }
}
