using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LinkedAudiences.SiteBuilder.Tests.Infrastructure;

/// <summary>
/// A site builder's own Orchard site with Linked Audiences installed from packages: packs the module and the
/// libraries it references into a temporary feed, builds a copy of PlainHost against that feed, starts it on a free
/// port with its own App_Data and waits until AutoSetup (recipe "PlainSite", which enables the feature) has run.
/// </summary>
public sealed class PlainSite : IAsyncLifetime
{
    public const string AdminUserName = "admin";
    public const string AdminPassword = "Plain-Password-1!";

    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);

    private readonly string _work = Path.Combine(Path.GetTempPath(), "la-sitebuilder", Guid.NewGuid().ToString("N"));
    private Process? _host;

    /// <summary>Unique per run so that the global packages folder never serves an older pack.</summary>
    public string PackageVersion { get; } = "0.0.0-sb" + Guid.NewGuid().ToString("N");

    public string Feed => Path.Combine(_work, "feed");

    public string HostProject => Path.Combine(_work, "host");

    public string HostOutput => Path.Combine(_work, "bin");

    public Uri BaseAddress { get; private set; } = null!;

    public ProcessOutput HostLog { get; private set; } = new();

    /// <summary>How long each step took (pack, build, setup), for the closing note.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings => _timings;

    private readonly Dictionary<string, TimeSpan> _timings = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        await TimeAsync("pack", PackAsync);
        await TimeAsync("build", BuildHostAsync);
        await TimeAsync("setup", StartHostAsync);
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed (tests assert them).</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
        };

    private async Task PackAsync()
    {
        // One build of the module (which builds its libraries), then each library packed from that build. The build
        // goes to its own artifacts folder so that the repository's bin and obj folders keep what the solution built.
        string[] common =
        [
            "-c", "Release", "-o", Feed, "-p:Version=" + PackageVersion,
            "--artifacts-path", Path.Combine(_work, "artifacts"), "--disable-build-servers",
        ];
        await DotNet.RunAsync(Repository.Root, ["pack", Repository.Module, .. common]);
        foreach (var library in Repository.ModuleLibraries)
        {
            await DotNet.RunAsync(Repository.Root, ["pack", library, "--no-build", .. common]);
        }
    }

    private async Task BuildHostAsync()
    {
        CopySource(Repository.PlainHost, HostProject);
        await DotNet.RunAsync(
            HostProject,
            "build", Path.Combine(HostProject, "PlainHost.csproj"),
            "-c", "Release",
            "-o", HostOutput,
            "--disable-build-servers",
            "-p:LinkedAudiencesVersion=" + PackageVersion,
            "-p:LinkedAudiencesFeed=" + Feed,
            "-p:OrchardFeed=" + (Repository.OrchardFeed ?? string.Empty));
    }

    private async Task StartHostAsync()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}/");
        const string Tenant = "OrchardCore__OrchardCore_AutoSetup__Tenants__0__";
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ORCHARD_APP_DATA"] = Path.Combine(_work, "App_Data"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["OrchardCore__OrchardCore_AutoSetup__AutoSetupPath"] = string.Empty,
            [Tenant + "ShellName"] = "Default",
            [Tenant + "SiteName"] = "A plain site",
            [Tenant + "SiteTimeZone"] = "Etc/UTC",
            [Tenant + "AdminUsername"] = AdminUserName,
            [Tenant + "AdminEmail"] = "admin@example.com",
            [Tenant + "AdminPassword"] = AdminPassword,
            [Tenant + "DatabaseProvider"] = "Sqlite",
            [Tenant + "RecipeName"] = "PlainSite",
        };

        // The project folder is the content root, as under `dotnet run`: its Recipes folder holds the setup recipe.
        _host = DotNet.Start(HostProject, [Path.Combine(HostOutput, "PlainHost.dll"), "--urls", BaseAddress.ToString()], environment, out var log);
        HostLog = log;

        using var client = NewClient();
        var deadline = Stopwatch.StartNew();

        // AutoSetup runs on the first request and answers 302 when done; requests waiting on its lock get 503.
        while (await StatusAsync(client, "/") is null or HttpStatusCode.ServiceUnavailable)
        {
            await WaitOrFailAsync(deadline, "answer / after setup");
        }

        while (await StatusAsync(client, "/Login") != HttpStatusCode.OK)
        {
            await WaitOrFailAsync(deadline, "serve /Login");
        }
    }

    private async Task WaitOrFailAsync(Stopwatch deadline, string what)
    {
        if (_host!.HasExited)
        {
            throw new InvalidOperationException($"The plain host exited with {_host.ExitCode} before it could {what}:{Environment.NewLine}{HostLog}");
        }

        if (deadline.Elapsed > SetupTimeout)
        {
            throw new InvalidOperationException($"The plain host did not {what} within {SetupTimeout}:{Environment.NewLine}{HostLog}");
        }

        await Task.Delay(500);
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
            return null;
        }
    }

    private async Task TimeAsync(string step, Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        _timings[step] = watch.Elapsed;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Copies the project's sources, never a bin or obj left by someone building it in place.</summary>
    private static void CopySource(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (name is not ("bin" or "obj"))
            {
                CopySource(dir, Path.Combine(to, name));
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            if (!_host.HasExited)
            {
                _host.Kill(entireProcessTree: true);
                await _host.WaitForExitAsync();
            }

            _host.Dispose();
        }

        // The packed version is unique to this run: drop it from the global packages folder and the work folder.
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "linkedaudiences", "linkedaudiences.core", "linkedaudiences.warehouses.duckdb", "linkedaudiences.warehouses.postgresql", "linkedaudiences.storage" })
        {
            TryDelete(Path.Combine(packages, id, PackageVersion));
        }

        TryDelete(_work);
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS to clean: it is a temporary folder.
        }
    }
}
