using System.Globalization;
using LinkedAudiences.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.Contents;
using OrchardCore.Contents.Security;
using OrchardCore.Security;
using OrchardCore.Security.Permissions;

namespace LinkedAudiences.Security;

/// <summary>
/// Makes the module's permissions decide for its three content types: a content permission (view, list, edit,
/// publish, delete, clone...) on a data graph, audience or activation succeeds exactly when the user holds the
/// matching module permission, whether Orchard asks with the global name ("EditContent") or the per-type one
/// ("Edit_DataGraph"). It also fails otherwise, so that a role's global "edit all content" does not open
/// data graphs to audience editors.
/// </summary>
public sealed class ContentTypePermissionsHandler(IServiceProvider serviceProvider) : AuthorizationHandler<PermissionRequirement>
{
    private static readonly HashSet<string> ReadPermissions = new(StringComparer.Ordinal)
    {
        CommonPermissions.ViewContent.Name,
        CommonPermissions.ViewOwnContent.Name,
        CommonPermissions.ListContent.Name,
        CommonPermissions.PreviewContent.Name,
        CommonPermissions.PreviewOwnContent.Name,
    };

    private static readonly HashSet<string> WritePermissions = new(StringComparer.Ordinal)
    {
        CommonPermissions.EditContent.Name,
        CommonPermissions.EditOwnContent.Name,
        CommonPermissions.PublishContent.Name,
        CommonPermissions.PublishOwnContent.Name,
        CommonPermissions.DeleteContent.Name,
        CommonPermissions.DeleteOwnContent.Name,
        CommonPermissions.CloneContent.Name,
        CommonPermissions.CloneOwnContent.Name,
        CommonPermissions.EditContentOwner.Name,
    };

    private static bool IsSettingsCheck(Permission permission) => string.Equals(permission.Name, "ManageResourceSettings", StringComparison.Ordinal);

    // Resolved lazily: the authorization service depends on every handler, this one included.
    private IAuthorizationService? _authorizationService;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var required = Required(requirement.Permission, context.Resource);
        if (required is null)
        {
            return;
        }

        _authorizationService ??= serviceProvider.GetRequiredService<IAuthorizationService>();
        if (await _authorizationService.AuthorizeAsync(context.User, required))
        {
            context.Succeed(requirement);
        }
        else if (!IsSettingsCheck(requirement.Permission))
        {
            context.Fail();
        }
    }

    private static Permission? Required(Permission permission, object? resource)
    {
        if (string.Equals(permission.Name, "ManageResourceSettings", StringComparison.Ordinal)
            && resource is string group && string.Equals(group, LinkedAudiencesSettings.GroupId, StringComparison.Ordinal))
        {
            return LinkedAudiencesPermissions.ManageDataGraphs;
        }

        var contentType = resource switch
        {
            IContent content => content.ContentItem?.ContentType,
            string name => name,
            _ => null,
        };

        // Orchard checks both the global content permissions ("EditContent") and their per-type forms ("Edit_DataGraph").
        foreach (var type in contentType is null ? ContentTypes.All : [contentType])
        {
            if (ContentTypes.All.Contains(type, StringComparer.Ordinal) && BaseName(permission, type, contentType is not null) is { } name)
            {
                return ReadPermissions.Contains(name) ? LinkedAudiencesPermissions.ViewAudiences : WritePermissionOf(type);
            }
        }

        return null;
    }

    /// <summary>The global content permission <paramref name="permission"/> stands for on <paramref name="contentType"/>, if any.</summary>
    private static string? BaseName(Permission permission, string contentType, bool globalCounts)
    {
        if (globalCounts && IsContentPermission(permission.Name))
        {
            return permission.Name;
        }

        foreach (var (name, template) in ContentTypePermissionsHelper.PermissionTemplates)
        {
            if (IsContentPermission(name) && string.Equals(permission.Name, string.Format(CultureInfo.InvariantCulture, template.Name, contentType), StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }

    private static Permission WritePermissionOf(string contentType) => contentType switch
    {
        ContentTypes.DataGraph => LinkedAudiencesPermissions.ManageDataGraphs,
        ContentTypes.LinkedAudience => LinkedAudiencesPermissions.EditAudiences,
        _ => LinkedAudiencesPermissions.ManageActivations,
    };

    private static bool IsContentPermission(string name) => ReadPermissions.Contains(name) || WritePermissions.Contains(name);
}
