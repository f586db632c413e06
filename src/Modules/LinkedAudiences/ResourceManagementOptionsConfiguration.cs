using Microsoft.Extensions.Options;
using OrchardCore.ResourceManagement;

namespace LinkedAudiences;

/// <summary>The builder's and the graph editor's scripts and styles, served from the module's wwwroot (ES modules: no build step).</summary>
public sealed class ResourceManagementOptionsConfiguration : IConfigureOptions<ResourceManagementOptions>
{
    public const string Builder = "linked-audiences-builder";

    public const string GraphEditor = "linked-audiences-graph-editor";

    public const string ActivationEditor = "linked-audiences-activation-editor";

    private static readonly ResourceManifest Manifest = Build();

    public void Configure(ResourceManagementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ResourceManifests.Add(Manifest);
    }

    private static ResourceManifest Build()
    {
        var manifest = new ResourceManifest();
        manifest.DefineScript(Builder)
            .SetUrl("~/LinkedAudiences/js/builder/audience-builder.js")
            .SetVersion("1.0.0");
        manifest.DefineScript(GraphEditor)
            .SetUrl("~/LinkedAudiences/js/graph-editor/graph-editor.js")
            .SetVersion("1.0.0");
        manifest.DefineScript(ActivationEditor)
            .SetUrl("~/LinkedAudiences/js/activation-editor/activation-editor.js")
            .SetVersion("1.0.0");
        manifest.DefineStyle(Builder)
            .SetUrl("~/LinkedAudiences/css/builder.css")
            .SetVersion("1.0.0");
        return manifest;
    }
}
