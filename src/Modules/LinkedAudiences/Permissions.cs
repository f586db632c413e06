using LinkedAudiences.Security;
using OrchardCore;
using OrchardCore.Security.Permissions;

namespace LinkedAudiences;

public sealed class Permissions : IPermissionProvider
{
    public Task<IEnumerable<Permission>> GetPermissionsAsync() => Task.FromResult<IEnumerable<Permission>>(LinkedAudiencesPermissions.All);

    public IEnumerable<PermissionStereotype> GetDefaultStereotypes() =>
    [
        new PermissionStereotype
        {
            Name = OrchardCoreConstants.Roles.Administrator,
            Permissions = LinkedAudiencesPermissions.All,
        },
        new PermissionStereotype
        {
            // Marketers: build and activate audiences over graphs the data team owns.
            Name = OrchardCoreConstants.Roles.Editor,
            Permissions =
            [
                LinkedAudiencesPermissions.EditAudiences,
                LinkedAudiencesPermissions.ViewAudiences,
                LinkedAudiencesPermissions.ManageActivations,
                LinkedAudiencesPermissions.RunAudiences,
            ],
        },
        new PermissionStereotype
        {
            Name = OrchardCoreConstants.Roles.Author,
            Permissions = [LinkedAudiencesPermissions.ViewAudiences],
        },
        new PermissionStereotype
        {
            Name = OrchardCoreConstants.Roles.Contributor,
            Permissions = [LinkedAudiencesPermissions.ViewAudiences],
        },
    ];
}
