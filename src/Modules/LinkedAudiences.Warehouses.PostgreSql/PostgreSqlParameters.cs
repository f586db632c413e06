using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Warehouses;
using Npgsql;
using NpgsqlTypes;

namespace LinkedAudiences.Warehouses.PostgreSql;

/// <summary>
/// Binds parameters by position ($1, $2...): unnamed Npgsql parameters in placeholder order, each with its
/// PostgreSQL type stated so that a timestamp is never taken for "with time zone" and a decimal stays numeric.
/// </summary>
internal static class PostgreSqlParameters
{
    public static void Bind(NpgsqlCommand command, SqlQuery query)
    {
        foreach (var parameter in query.Parameters)
        {
            command.Parameters.Add(Create(parameter.Value));
        }
    }

    private static NpgsqlParameter Create(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value },
        decimal d => new NpgsqlParameter<decimal>(string.Empty, NpgsqlDbType.Numeric) { TypedValue = d },
        long l => new NpgsqlParameter<long>(string.Empty, NpgsqlDbType.Bigint) { TypedValue = l },
        int i => new NpgsqlParameter<long>(string.Empty, NpgsqlDbType.Bigint) { TypedValue = i },
        string s => new NpgsqlParameter<string>(string.Empty, NpgsqlDbType.Text) { TypedValue = s },
        bool b => new NpgsqlParameter<bool>(string.Empty, NpgsqlDbType.Boolean) { TypedValue = b },
        DateOnly date => new NpgsqlParameter<DateOnly>(string.Empty, NpgsqlDbType.Date) { TypedValue = date },
        TimeOnly time => new NpgsqlParameter<TimeOnly>(string.Empty, NpgsqlDbType.Time) { TypedValue = time },
        DateTime ts => new NpgsqlParameter<DateTime>(string.Empty, NpgsqlDbType.Timestamp) { TypedValue = WarehouseValues.Timestamp(ts) },
        DateTimeOffset dto => new NpgsqlParameter<DateTime>(string.Empty, NpgsqlDbType.Timestamp) { TypedValue = WarehouseValues.Timestamp(dto.UtcDateTime) },
        _ => new NpgsqlParameter { Value = value },
    };
}
