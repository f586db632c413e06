using LinkedAudiences.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using OrchardCore.ContentManagement;
using OrchardCore.Contents;
using OrchardCore.Security;
using OrchardCore.Security.Permissions;

namespace LinkedAudiences.Security;

/// <summary>
/// Makes the module's permissions decide for its three content types: a content permission (view, list, edit,
/// publish, delete, clone...) on a data graph, audience or activation succeeds exactly when the user holds the
/// matching module permission. It also fails otherwise, so that a role's global "edit all content" does not open
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
        else if (IsContentPermission(requirement.Permission))
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
        if (contentType is null || !ContentTypes.All.Contains(contentType, StringComparer.Ordinal) || !IsContentPermission(permission))
        {
            return null;
        }

        if (ReadPermissions.Contains(permission.Name))
        {
            return LinkedAudiencesPermissions.ViewAudiences;
        }

        return contentType switch
        {
            ContentTypes.DataGraph => LinkedAudiencesPermissions.ManageDataGraphs,
            ContentTypes.LinkedAudience => LinkedAudiencesPermissions.EditAudiences,
            _ => LinkedAudiencesPermissions.ManageActivations,
        };
    }

    private static bool IsContentPermission(Permission permission) =>
        ReadPermissions.Contains(permission.Name) || WritePermissions.Contains(permission.Name);
}
