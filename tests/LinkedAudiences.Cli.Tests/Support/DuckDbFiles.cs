using System.Globalization;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Warehouses.DuckDb;

namespace LinkedAudiences.Cli.Tests.Support;

/// <summary>Looks into a DuckDB file the CLI wrote.</summary>
public static class DuckDbFiles
{
    public static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var warehouse = await DuckDbWarehouse.OpenAsync(path, DuckDbDialect.Instance, CancellationToken.None);
        await foreach (var row in warehouse.QueryAsync(SqlQuery.Text(sql), CancellationToken.None))
        {
            return Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        }

        throw new InvalidOperationException("No row from: " + sql);
    }
}
