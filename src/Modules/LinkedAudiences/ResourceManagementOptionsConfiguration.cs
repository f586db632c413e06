using Microsoft.Extensions.Options;
using OrchardCore.ResourceManagement;

namespace LinkedAudiences;

/// <summary>The builder's scripts and styles, served from the module's wwwroot (ES modules: no build step).</summary>
public sealed class ResourceManagementOptionsConfiguration : IConfigureOptions<ResourceManagementOptions>
{
    public const string Builder = "linked-audiences-builder";

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
        manifest.DefineStyle(Builder)
            .SetUrl("~/LinkedAudiences/css/builder.css")
            .SetVersion("1.0.0");
        return manifest;
    }
}
