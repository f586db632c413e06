using System.Text;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Sql.Dialects;

/// <summary>DuckDB: the base forms; JSON through json_type / json_extract_string with '$."key"' paths.</summary>
public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => "duckdb";

    public override string JsonValue(string json, IReadOnlyList<string> path, DataType type)
    {
        var p = StringLiteral(JsonPath(path));
        var kind = $"json_type({json}, {p})";
        var text = $"json_extract_string({json}, {p})";
        return type switch
        {
            DataType.String => $"CASE WHEN {kind} = 'VARCHAR' THEN {text} END",
            DataType.Number => $"CASE WHEN {kind} IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST({text} AS {DecimalType}) END",
            DataType.Boolean => $"CASE WHEN {kind} = 'BOOLEAN' THEN CAST({text} AS BOOLEAN) END",
            // TRY_CAST turns a string that is not a date/time into NULL, as a value of the wrong kind should be.
            DataType.Date => $"CASE WHEN {kind} = 'VARCHAR' THEN TRY_CAST({text} AS DATE) END",
            DataType.Time => $"CASE WHEN {kind} = 'VARCHAR' THEN TRY_CAST({text} AS TIME) END",
            DataType.Timestamp => $"CASE WHEN {kind} = 'VARCHAR' THEN TRY_CAST({text} AS TIMESTAMP) END",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    /// <summary>'$."a"."b"': every key quoted, so dots and spaces in keys stay keys; quotes and backslashes escaped.</summary>
    private static string JsonPath(IReadOnlyList<string> path)
    {
        var builder = new StringBuilder("$");
        foreach (var key in path)
        {
            builder.Append(".\"").Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
        }

        return builder.ToString();
    }
}
