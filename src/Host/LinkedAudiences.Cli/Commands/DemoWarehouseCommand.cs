using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Cli.Commands;

/// <summary>demo-warehouse: generate the deterministic demo world into a DuckDB file (or a PostgreSQL database).</summary>
internal static class DemoWarehouseCommand
{
    public static Command Create()
    {
        var profiles = new Option<int>("--profiles")
        {
            Description = "How many profiles (the other tables scale with it).",
            DefaultValueFactory = _ => 10_000,
        };
        profiles.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 50_000_000)
            {
                r.AddError("--profiles: must be between 1 and 50000000.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "The generator's seed (default 42).", DefaultValueFactory = _ => 42 };
        var output = new Option<string?>("--out") { Description = "The DuckDB file to create." };
        var warehouse = new Option<string?>("--warehouse") { Description = "Instead of --out: postgres:CONNECTION-STRING to load into." };
        var force = new Option<bool>("--force") { Description = "Replace an existing --out file." };

        var command = new Command("demo-warehouse", "Generate the demo warehouse (profiles, accounts, households, pets, credit cards, subscriptions, transactions, orders, sales, wishlists, events).")
        {
            profiles, seed, output, warehouse, force,
        };

        command.SetAsyncAction(async (parse, stdout, ct) =>
        {
            var target = parse.GetValue(output) is { } file ? PrepareFile(file, parse.GetValue(force))
                : parse.GetValue(warehouse) ?? throw new CliException(ExitCodes.Usage, "demo-warehouse: give --out FILE (DuckDB) or --warehouse postgres:CONNECTION-STRING.");

            var options = new DemoWarehouseOptions { Profiles = parse.GetValue(profiles), Seed = parse.GetValue(seed) };
            var watch = Stopwatch.StartNew();
            await using (var connection = await Warehouses.OpenAsync(target, ct, create: true))
            {
                var loader = connection as IBulkLoader ?? throw new CliException(ExitCodes.Usage, "--warehouse: this connector cannot load data.");
                await DemoWarehouseBuilder.BuildAsync(loader, options, ct);
            }

            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Demo warehouse with {options.Profiles} profiles (seed {options.Seed}, anchor {options.Anchor:O}) written to {WarehouseLocation.Parse(target)} in {watch.Elapsed.TotalSeconds:0.0} s"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string PrepareFile(string file, bool force)
    {
        if (File.Exists(file))
        {
            if (!force)
            {
                throw new CliException(ExitCodes.Usage, $"--out: '{file}' exists; pass --force to replace it.");
            }

            File.Delete(file);
            File.Delete(file + ".wal");
        }

        return "duckdb:" + file;
    }
}
