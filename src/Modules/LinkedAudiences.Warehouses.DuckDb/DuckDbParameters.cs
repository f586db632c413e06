using DuckDB.NET.Data;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.DuckDb;

/// <summary>Binds a query's parameters by position: unnamed DuckDB parameters in placeholder order ($1, $2...).</summary>
internal static class DuckDbParameters
{
    public static void Bind(DuckDBCommand command, SqlQuery query)
    {
        foreach (var parameter in query.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(Value(parameter.Value)));
        }
    }

    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        int i => (long)i,
        DateTime dt => WarehouseValues.Timestamp(dt),
        DateTimeOffset dto => WarehouseValues.Timestamp(dto.UtcDateTime),
        _ => value,
    };
}
