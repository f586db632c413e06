using LinkedAudiences.Models;
using LinkedAudiences.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using OrchardCore.Navigation;

namespace LinkedAudiences;

/// <summary>Audiences → Data graphs and Activations (Orchard's content lists, filtered by type) and Audiences (the audience screens); the warehouse under Settings.</summary>
public sealed class AdminMenu(IStringLocalizer<AdminMenu> localizer) : AdminNavigationProvider
{
    private static readonly RouteValueDictionary ModuleRoute = new() { { "area", "LinkedAudiences" } };

    private static readonly RouteValueDictionary SettingsRoute = new()
    {
        { "area", "OrchardCore.Settings" },
        { "groupId", LinkedAudiencesSettings.GroupId },
    };

    private readonly IStringLocalizer S = localizer;

    protected override ValueTask BuildAsync(NavigationBuilder builder)
    {
        builder.Add(S["Audiences"], "4", audiences => audiences
            .Id("linkedaudiences")
            .AddClass("linkedaudiences")
            .Add(S["Data graphs"], "1", item => item
                .Id("linkedaudiences-graphs")
                .Action("List", "Admin", ListRoute(ContentTypes.DataGraph))
                .Permission(LinkedAudiencesPermissions.ViewAudiences)
                .LocalNav())
            .Add(S["Audiences"], "2", item => item
                .Id("linkedaudiences-audiences")
                .Action("Index", "Audiences", ModuleRoute)
                .Permission(LinkedAudiencesPermissions.ViewAudiences)
                .LocalNav())
            .Add(S["Activations"], "3", item => item
                .Id("linkedaudiences-activations")
                .Action("List", "Admin", ListRoute(ContentTypes.Activation))
                .Permission(LinkedAudiencesPermissions.ViewAudiences)
                .LocalNav()));

        var settingsParent = NavigationHelper.UseLegacyFormat() ? S["Configuration"] : S["Settings"];
        builder.Add(settingsParent, configuration => configuration
            .Add(NavigationHelper.UseLegacyFormat() ? S["Settings"] : S["Integrations"], settings => settings
                .Add(S["Linked Audiences"], S["Linked Audiences"].PrefixPosition(), entry => entry
                    .Id("linkedaudiences-settings")
                    .Action("Index", "Admin", SettingsRoute)
                    .Permission(LinkedAudiencesPermissions.ManageDataGraphs)
                    .LocalNav())));

        return ValueTask.CompletedTask;
    }

    private static RouteValueDictionary ListRoute(string contentType) => new()
    {
        { "area", "OrchardCore.Contents" },
        { "contentTypeId", contentType },
    };
}
