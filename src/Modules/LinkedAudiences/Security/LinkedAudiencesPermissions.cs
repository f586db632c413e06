using OrchardCore.Security.Permissions;

namespace LinkedAudiences.Security;

/// <summary>The seeds' roles as permissions: graph owners, audience editors, read-only viewers, activation managers, runners.</summary>
public static class LinkedAudiencesPermissions
{
    public static readonly Permission ManageDataGraphs = new("ManageDataGraphs", "Manage data graphs and the warehouse connection");

    public static readonly Permission EditAudiences = new("EditAudiences", "Create, edit, publish and delete linked audiences");

    public static readonly Permission ViewAudiences = new("ViewAudiences", "View data graphs, linked audiences and activations (read-only)",
        [ManageDataGraphs, EditAudiences]);

    public static readonly Permission ManageActivations = new("ManageActivations", "Create, edit, publish and delete activations");

    public static readonly Permission RunAudiences = new("RunAudiences", "Run audiences now, enable and disable them");

    public static IReadOnlyList<Permission> All { get; } = [ManageDataGraphs, EditAudiences, ViewAudiences, ManageActivations, RunAudiences];
}
