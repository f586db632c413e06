using System.Diagnostics;
using System.Globalization;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Engine;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Warehouses;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>
/// Audience runs on the demo warehouse in a DuckDB file, per scale: for every example audience the time to stream
/// all members out (the CLI's members verb) and to build the preview (count, 20 sampled members with matched
/// entities, matched-entity counts); for the seed use cases also the compiled members query against a hand-written
/// one, after checking both return the same number of members. Stopwatch, one warm-up, median of N runs.
/// </summary>
internal static class WarehouseHarness
{
    private static readonly DateTimeOffset AsOf = DemoWarehouseOptions.DefaultAnchor;

    public static async Task<int> RunAsync(WarehouseSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var profiles in settings.Profiles)
        {
            var file = await DemoFiles.EnsureAsync(settings.CacheFolder, profiles, settings.Seed, output, cancellationToken);
            await using var warehouse = await DuckDbWarehouse.OpenAsync(file, DuckDbDialect.Instance, cancellationToken);
            var engine = new AudienceEngine(DemoGraph.Graph, ExampleAudiences.Catalog);

            await output.WriteLineAsync();
            await output.WriteLineAsync(MachineInfo.Describe(await ScalarTextAsync(warehouse, "SELECT version()", cancellationToken)));
            var transactions = await CountAsync(warehouse, "SELECT COUNT(*) FROM transactions", cancellationToken);
            var events = await CountAsync(warehouse, "SELECT COUNT(*) FROM events", cancellationToken);
            await output.WriteLineAsync(string.Create(inv,
                $"data:         {profiles:N0} profiles (seed {settings.Seed}), {transactions:N0} transactions, {events:N0} events; {new FileInfo(file).Length / 1_048_576} MB file; as of {AsOf:yyyy-MM-dd}"));
            await output.WriteLineAsync(string.Create(inv,
                $"runs:         1 warm-up + median of {settings.Runs} [min–max], milliseconds; a warm-up over {settings.BudgetSeconds} s is the only run, a run over {settings.CapSeconds} s is cancelled"));
            await output.WriteLineAsync();
            await output.WriteLineAsync("| audience | members | members ms | preview ms (sample 20) | compiled ms | hand-written ms | compiled / hand-written |");
            await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|");

            var measure = new Measure(settings.Runs, TimeSpan.FromSeconds(settings.BudgetSeconds), TimeSpan.FromSeconds(settings.CapSeconds));
            var started = Stopwatch.StartNew();
            foreach (var key in ExampleAudiences.Keys.Where(k => settings.Audiences is null || settings.Audiences.Contains(k)))
            {
                var definition = ExampleAudiences.Get(key);
                var compiled = await engine.CompileAsync(definition, warehouse.Dialect, AsOf, cancellationToken, key);

                long? members = null;
                var membersTime = await measure.MedianAsync(async ct =>
                {
                    long n = 0;
                    await foreach (var _ in engine.MembersAsync(warehouse, definition, AsOf, ct))
                    {
                        n++;
                    }

                    members = n;
                });
                var previewTime = await measure.MedianAsync(ct => engine.PreviewAsync(warehouse, definition, AsOf, 20, ct));

                var versus = "– | – | –";
                if (HandWrittenQueries.ByAudience.TryGetValue(key, out var handSql))
                {
                    versus = await CompareAsync(measure, warehouse, key, compiled.Members, members, SqlQuery.Text(handSql), cancellationToken);
                }

                var count = members is { } m ? m.ToString("N0", inv) : "?";
                await output.WriteLineAsync(string.Create(inv, $"| {key} | {count} | {membersTime} | {previewTime} | {versus} |"));
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(inv, $"measured in {started.Elapsed.TotalMinutes:0.0} min"));
            await output.WriteLineAsync();
            await output.WriteLineAsync("load average at the end: " + MachineInfo.LoadAverage());
        }

        return 0;
    }

    /// <summary>
    /// The compiled members query against the hand-written one, alternating run by run, once both are known to return
    /// the same number of members.
    /// </summary>
    private static async Task<string> CompareAsync(
        Measure measure, IWarehouse warehouse, string key, SqlQuery compiled, long? members, SqlQuery hand, CancellationToken cancellationToken)
    {
        var handMembers = await DrainAsync(warehouse, hand, cancellationToken);
        if (members is null)
        {
            // The compiled query did not finish within the cap: the hand-written one is timed alone, the ratio is a lower bound.
            var alone = await measure.MedianAsync(ct => DrainAsync(warehouse, hand, ct));
            return string.Create(CultureInfo.InvariantCulture,
                $"> {measure.Cap.TotalSeconds:0} s (cancelled) | {alone} ({handMembers:N0} members) | > {measure.Cap.TotalMilliseconds / alone.Median:0}");
        }

        if (handMembers != members)
        {
            throw new InvalidOperationException($"{key}: the compiled query returns {members} members, the hand-written one {handMembers}.");
        }

        var (compiledTime, handTime) = await measure.InterleavedAsync(ct => DrainAsync(warehouse, compiled, ct), ct => DrainAsync(warehouse, hand, ct));
        var ratio = compiledTime.Cancelled ? "> " : "";
        return string.Create(CultureInfo.InvariantCulture, $"{compiledTime} | {handTime} | {ratio}{compiledTime.Median / handTime.Median:0.00}");
    }

    private static async Task<long> DrainAsync(IWarehouse warehouse, SqlQuery query, CancellationToken cancellationToken)
    {
        long rows = 0;
        await foreach (var _ in warehouse.QueryAsync(query, cancellationToken))
        {
            rows++;
        }

        return rows;
    }

    private static async Task<long> CountAsync(IWarehouse warehouse, string sql, CancellationToken cancellationToken) =>
        long.Parse(await ScalarTextAsync(warehouse, sql, cancellationToken), CultureInfo.InvariantCulture);

    private static async Task<string> ScalarTextAsync(IWarehouse warehouse, string sql, CancellationToken cancellationToken)
    {
        await foreach (var row in warehouse.QueryAsync(SqlQuery.Text(sql), cancellationToken))
        {
            return Convert.ToString(row[0], CultureInfo.InvariantCulture) ?? "";
        }

        return "";
    }
}
