using LinkedAudiences.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using OrchardCore.Navigation;

namespace LinkedAudiences;

/// <summary>Audiences → Run status (status, members and next run of every audience; Run now on each).</summary>
public sealed class RunsAdminMenu(IStringLocalizer<RunsAdminMenu> localizer) : AdminNavigationProvider
{
    private static readonly RouteValueDictionary Route = new() { { "area", "LinkedAudiences" } };

    private readonly IStringLocalizer S = localizer;

    protected override ValueTask BuildAsync(NavigationBuilder builder)
    {
        builder.Add(S["Audiences"], "4", audiences => audiences
            .Id("linkedaudiences")
            .Add(S["Run status"], "2.5", item => item
                .Id("linkedaudiences-runs")
                .Action("Index", "AudienceRuns", Route)
                .Permission(LinkedAudiencesPermissions.ViewAudiences)
                .LocalNav()));
        return ValueTask.CompletedTask;
    }
}
