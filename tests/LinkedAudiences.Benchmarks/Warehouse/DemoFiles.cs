using System.Diagnostics;
using LinkedAudiences.Core.Demo;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Benchmarks.Warehouse;

/// <summary>
/// The demo warehouse as a DuckDB file per (profiles, seed), generated once and kept in the cache folder. A file is
/// written under a temporary name and renamed when complete, so an interrupted generation is never reused.
/// </summary>
internal static class DemoFiles
{
    public static async Task<string> EnsureAsync(string folder, int profiles, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"demo-p{profiles}-s{seed}.duckdb");
        if (File.Exists(path))
        {
            await log.WriteLineAsync($"[bench] using cached {path}");
            return path;
        }

        var partial = path + ".partial";
        File.Delete(partial);
        File.Delete(partial + ".wal");
        var watch = Stopwatch.StartNew();
        await using (var warehouse = await DuckDbWarehouse.OpenAsync(partial, DuckDbDialect.Instance, cancellationToken))
        {
            await DemoWarehouseBuilder.BuildAsync(warehouse, new DemoWarehouseOptions { Profiles = profiles, Seed = seed }, Math.Max(1, Environment.ProcessorCount), cancellationToken);
            await warehouse.ExecuteAsync(SqlQuery.Text("CHECKPOINT"), cancellationToken);
        }

        File.Move(partial, path);
        await log.WriteLineAsync($"[bench] generated {path} ({new FileInfo(path).Length / 1_048_576} MB) in {watch.Elapsed.TotalSeconds:0.0} s");
        return path;
    }
}
