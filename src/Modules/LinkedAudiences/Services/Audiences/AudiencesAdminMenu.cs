using LinkedAudiences.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using OrchardCore.Navigation;

namespace LinkedAudiences.Services.Audiences;

/// <summary>Audiences → Audience list: the audience screens (status, size, next run, folder; each audience's tabs).</summary>
public sealed class AudiencesAdminMenu(IStringLocalizer<AudiencesAdminMenu> localizer) : AdminNavigationProvider
{
    private static readonly RouteValueDictionary Route = new() { { "area", "LinkedAudiences" } };

    private readonly IStringLocalizer S = localizer;

    protected override ValueTask BuildAsync(NavigationBuilder builder)
    {
        builder.Add(S["Audiences"], "4", audiences => audiences
            .Id("linkedaudiences")
            .Add(S["Audience list"], "1.5", item => item
                .Id("linkedaudiences-audience-list")
                .Action("Index", "Audiences", Route)
                .Permission(LinkedAudiencesPermissions.ViewAudiences)
                .LocalNav()));
        return ValueTask.CompletedTask;
    }
}
