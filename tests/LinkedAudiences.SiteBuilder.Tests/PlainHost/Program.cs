using OrchardCore.ResourceManagement.TagHelpers;

var builder = WebApplication.CreateBuilder(args);

// The same chain AddOrchardCms() builds (its package is not served here), composed by hand.
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
