using Microsoft.Extensions.DependencyInjection;
using OrchardCore.Modules;

namespace LinkedAudiences;

public sealed class Startup : StartupBase
{
    public override void ConfigureServices(IServiceCollection services)
    {
    }
}
