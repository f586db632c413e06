using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LinkedAudiences.Models;
using LinkedAudiences.Tests.Infrastructure;
using OrchardCore.ContentManagement;

namespace LinkedAudiences.Tests.Screens;

/// <summary>The audience screens' URLs, their HTML as a DOM, and the audiences the tests create through the editor.</summary>
internal static class ScreensSupport
{
    public const string ListPath = "/Admin/LinkedAudiences/Audiences/Index";

    // Ids and keys fixed by the demo recipe (Recipes/linked-audiences-demo.recipe.json).
    public const string PlatinumId = "la-aud-01";
    public const string Uc1Id = "la-aud-02";
    public const string Uc2Id = "la-aud-03";
    public const string Uc3Id = "la-aud-04";
    public const string EntityTargetId = "la-aud-05";
    public const string Uc1ActivationId = "la-act-uc1-webhook";

    public static string TabPath(string tab, string contentItemId) => $"/Admin/LinkedAudiences/Audiences/{tab}/{contentItemId}";

    public static IDocument Html(this Page page) => new HtmlParser().ParseDocument(page.Body);

    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No element matches {selector}.");

    /// <summary>Posts an action form of a tab (the token comes from that tab, as a browser would send it).</summary>
    public static Task<Page> ActAsync(this AdminSession session, string action, string contentItemId, Dictionary<string, string>? fields = null, string tab = "Overview") =>
        session.SubmitAsync(TabPath(tab, contentItemId), TabPath(action, contentItemId), fields ?? []);

    /// <summary>Creates and publishes an audience through the content editor; its content item id.</summary>
    public static async Task<string> CreateAudienceAsync(this AdminSession admin, string title, string key, string definitionJson)
    {
        var created = await admin.SubmitAsync(AdminForms.CreatePath(ContentTypes.LinkedAudience), AdminForms.Audience(title, key, definitionJson));
        Assert.True(created.Status == HttpStatusCode.Redirect, $"Publishing {key} answered {(int)created.Status}: {string.Join(" | ", created.FieldErrors("LinkedAudiencePart.Definition"))}");
        var item = (await Find(admin, key)) ?? throw new InvalidOperationException($"{key} was not created.");
        return item;
    }

    /// <summary>Signed-in users without the permission are refused: 403, or a redirect to the access-denied page.</summary>
    public static bool IsRefused(this Page page) =>
        page.Status == HttpStatusCode.Forbidden
        || (page.Status == HttpStatusCode.Redirect && page.Location is { } to
            && (to.Contains("403", StringComparison.Ordinal) || to.Contains("AccessDenied", StringComparison.OrdinalIgnoreCase)));

    public static async Task<LinkedAudiencePart?> PartAsync(this Site site, string contentItemId) =>
        (await site.GetAsync(contentItemId, VersionOptions.Latest))?.Part<LinkedAudiencePart>();

    private static async Task<string?> Find(AdminSession admin, string key)
    {
        var list = (await admin.GetAsync(ListPath)).Html();
        return list.QuerySelector($"tr[data-audience='{key}']")?.GetAttribute("data-content-item-id");
    }
}
