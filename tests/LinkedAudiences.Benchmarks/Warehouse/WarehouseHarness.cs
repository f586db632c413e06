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
            await output.WriteLineAsync(string.Create(inv, $"runs:         1 warm-up + median of {settings.Runs} (min–max in brackets), milliseconds"));
            await output.WriteLineAsync();
            await output.WriteLineAsync("| audience | members | members ms | preview ms (sample 20) | compiled ms | hand-written ms | compiled / hand-written |");
            await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|");

            foreach (var key in ExampleAudiences.Keys)
            {
                var definition = ExampleAudiences.Get(key);
                var compiled = await engine.CompileAsync(definition, warehouse.Dialect, AsOf, cancellationToken, key);
                var members = await DrainAsync(warehouse, compiled.Members, cancellationToken);

                var membersTime = await Measure.MedianAsync(settings.Runs, async () =>
                {
                    await foreach (var _ in engine.MembersAsync(warehouse, definition, AsOf, cancellationToken))
                    {
                    }
                });
                var previewTime = await Measure.MedianAsync(settings.Runs, () => engine.PreviewAsync(warehouse, definition, AsOf, 20, cancellationToken));

                var versus = "| | |";
                if (HandWrittenQueries.ByAudience.TryGetValue(key, out var handSql))
                {
                    var hand = SqlQuery.Text(handSql);
                    var handMembers = await DrainAsync(warehouse, hand, cancellationToken);
                    if (handMembers != members)
                    {
                        throw new InvalidOperationException($"{key}: the compiled query returns {members} members, the hand-written one {handMembers}.");
                    }

                    var (compiledTime, handTime) = await InterleavedAsync(settings.Runs, warehouse, compiled.Members, hand, cancellationToken);
                    versus = string.Create(inv, $"{Format(compiledTime)} | {Format(handTime)} | {compiledTime.Median / handTime.Median:0.00}");
                }

                await output.WriteLineAsync(string.Create(inv, $"| {key} | {members:N0} | {Format(membersTime)} | {Format(previewTime)} | {versus} |"));
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync("load average at the end: " + MachineInfo.LoadAverage());
        }

        return 0;
    }

    /// <summary>Alternates the two queries run by run, so that a busy neighbour slows both alike.</summary>
    private static async Task<(Timing Compiled, Timing Hand)> InterleavedAsync(
        int runs, IWarehouse warehouse, SqlQuery compiled, SqlQuery hand, CancellationToken cancellationToken)
    {
        var compiledTimes = new List<Timing>();
        var handTimes = new List<Timing>();
        await DrainAsync(warehouse, compiled, cancellationToken);
        await DrainAsync(warehouse, hand, cancellationToken);
        for (var i = 0; i < runs; i++)
        {
            compiledTimes.Add(await Measure.OnceAsync(() => DrainAsync(warehouse, compiled, cancellationToken)));
            handTimes.Add(await Measure.OnceAsync(() => DrainAsync(warehouse, hand, cancellationToken)));
        }

        return (Measure.Summarize(compiledTimes), Measure.Summarize(handTimes));
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

    private static string Format(Timing t) => string.Create(CultureInfo.InvariantCulture, $"{t.Median:0.0} [{t.Min:0.0}–{t.Max:0.0}]");
}
