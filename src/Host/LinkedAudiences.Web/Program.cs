using OrchardCore.ResourceManagement.TagHelpers;

var builder = WebApplication.CreateBuilder(args);

// AddOrchardCms() lives in a package this build cannot use (it pulls Azure, Lucene, ImageSharp...), so the host
// composes the same chain by hand; leaving out AddBackgroundService() would silently stop every background task.
builder.Services
    .AddOrchardCore()
    .AddCommands()
    .AddSecurity()
    .AddMvc()
    .AddIdGeneration()
    .AddEmailAddressValidator()
    .AddPhoneFormatValidator()
    .AddHtmlSanitizer()
    .AddSetupFeatures("OrchardCore.Setup", "OrchardCore.AutoSetup")
    .AddDataAccess()
    .AddDataStorage()
    .AddBackgroundService()
    .AddScripting()
    .AddTheming()
    .AddGlobalFeatures("OrchardCore.Liquid.Core")
    .AddCaching()
    .ConfigureServices(services =>
    {
        services.AddResourceManagement();
        services.AddTagHelpers<LinkTagHelper>();
        services.AddTagHelpers<MetaTagHelper>();
        services.AddTagHelpers<ResourcesTagHelper>();
        services.AddTagHelpers<ScriptTagHelper>();
        services.AddTagHelpers<StyleTagHelper>();
    });

var app = builder.Build();
app.UseStaticFiles();
app.UseOrchardCore();
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
