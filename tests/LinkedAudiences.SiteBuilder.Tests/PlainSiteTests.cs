using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkedAudiences.SiteBuilder.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LinkedAudiences.SiteBuilder.Tests;

/// <summary>
/// The "site builder" path: an Orchard site that is not ours takes Linked Audiences as NuGet packages packed by this
/// build, enables the feature from its setup recipe, and serves the Audiences admin.
/// </summary>
public sealed partial class PlainSiteTests(PlainSite site, ITestOutputHelper output) : IClassFixture<PlainSite>
{
    [Fact]
    public void Build_PlainHost_ReferencesTheModuleAsThePackedPackage()
    {
        using var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.HostOutput, "PlainHost.deps.json")));
        var libraries = deps.RootElement.GetProperty("libraries");

        foreach (var id in new[] { "LinkedAudiences", "LinkedAudiences.Core", "LinkedAudiences.Warehouses.DuckDb", "LinkedAudiences.Warehouses.PostgreSql", "LinkedAudiences.Storage" })
        {
            Assert.True(libraries.TryGetProperty($"{id}/{site.PackageVersion}", out var library), $"{id} {site.PackageVersion} is not in the host's dependencies.");
            Assert.Equal("package", library.GetProperty("type").GetString());
        }

        Assert.True(File.Exists(Path.Combine(site.Feed, $"LinkedAudiences.{site.PackageVersion}.nupkg")));
        output.WriteLine(string.Join(", ", site.Timings.Select(t => $"{t.Key} {t.Value.TotalSeconds:F0} s")));
    }

    [Fact]
    public async Task Admin_FeatureEnabledByRecipe_MenuHasAudiencesWithItsThreeLists()
    {
        using var client = await SignInAsync();

        using var dashboard = await client.GetAsync(new Uri("/Admin", UriKind.Relative));
        var body = await dashboard.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Audiences", body, StringComparison.Ordinal);
        Assert.Contains("/Admin/Contents/ContentItems/DataGraph", body, StringComparison.Ordinal);
        Assert.Contains("/Admin/LinkedAudiences/Audiences/Index", body, StringComparison.Ordinal);
        Assert.Contains("/Admin/Contents/ContentItems/Activation", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DataGraph")]
    [InlineData("LinkedAudience")]
    [InlineData("Activation")]
    public async Task Admin_ContentList_AnswersWithAnEmptyList(string contentType)
    {
        using var client = await SignInAsync();

        using var list = await client.GetAsync(new Uri($"/Admin/Contents/ContentItems/{contentType}", UriKind.Relative));
        var body = await list.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotMatch(EditLink(), body);
    }

    [Theory]
    [InlineData("DataGraph", "DataGraphPart.Graph")]
    [InlineData("LinkedAudience", "LinkedAudiencePart.Definition")]
    [InlineData("Activation", "ActivationPart.Url")]
    public async Task Admin_CreateEditor_RendersThePackedModulesPartEditor(string contentType, string field)
    {
        using var client = await SignInAsync();

        using var editor = await client.GetAsync(new Uri($"/Admin/Contents/ContentTypes/{contentType}/Create", UriKind.Relative));
        var body = await editor.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        Assert.Contains($"name=\"{field}\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_WarehouseSettings_RendersTheWarehouseEditor()
    {
        using var client = await SignInAsync();

        using var settings = await client.GetAsync(new Uri("/Admin/Settings/LinkedAudiences", UriKind.Relative));
        var body = await settings.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        Assert.Contains("name=\"ISite.LinkedAudiencesSettings.WarehouseKind\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_SetupAndAdmin_LogsNoErrors()
    {
        using var client = await SignInAsync();
        using var dashboard = await client.GetAsync(new Uri("/Admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var errors = site.HostLog.Lines().Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal));
        Assert.True(!errors.Any(), "The plain host logged errors:" + Environment.NewLine + site.HostLog);
    }

    private async Task<HttpClient> SignInAsync()
    {
        var client = site.NewClient();
        using var form = await client.GetAsync(new Uri("/Login", UriKind.Relative));
        var token = Token().Match(await form.Content.ReadAsStringAsync());
        Assert.True(token.Success, "The login form has no anti-forgery token.");

        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["LoginForm.UserName"] = PlainSite.AdminUserName,
            ["LoginForm.Password"] = PlainSite.AdminPassword,
            ["__RequestVerificationToken"] = token.Groups[1].Value,
        });
        using var signedIn = await client.PostAsync(new Uri("/Login", UriKind.Relative), fields);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("/Admin/Contents/ContentItems/[0-9a-z]{26}/Edit")]
    private static partial Regex EditLink();
}
