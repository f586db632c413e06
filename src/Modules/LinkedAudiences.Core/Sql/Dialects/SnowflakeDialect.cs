using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Sql.Dialects;

/// <summary>
/// Snowflake (SQL API v2): "?" binds in order; double-quoted identifiers keep their case; JSON columns are
/// VARIANT, read with the ":" path operator over double-quoted keys and typed with TYPEOF / AS_* / TRY_TO_*;
/// CONTAINS / STARTSWITH / ENDSWITH are case-sensitive.
/// </summary>
public sealed class SnowflakeDialect : SqlDialect
{
    public static readonly SnowflakeDialect Instance = new();

    public override string Name => "snowflake";

    public override string Placeholder(int position) => "?";

    public override string DecimalType => "NUMBER(38, 10)";

    // Backslash starts an escape sequence in Snowflake string literals.
    public override string StringLiteral(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    public override string Contains(string text, string fragment) => $"CONTAINS({text}, {fragment})";

    public override string StartsWith(string text, string prefix) => $"STARTSWITH({text}, {prefix})";

    public override string EndsWith(string text, string suffix) => $"ENDSWITH({text}, {suffix})";

    // Snowflake collates binary by default, so the plain ORDER BY is ordinal.
    public override string OrderedConcat(string expression, string orderBy) => $"LISTAGG({expression}, '') WITHIN GROUP (ORDER BY {orderBy})";

    public override string JsonValue(string json, IReadOnlyList<string> path, DataType type)
    {
        // col:"a":"b" — quoted keys are matched exactly (element names are case-sensitive).
        var value = json + ":" + string.Join(":", path.Select(QuoteIdentifier));
        return type switch
        {
            DataType.String => $"AS_VARCHAR({value})",
            DataType.Number => $"CASE WHEN TYPEOF({value}) IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST({value} AS {DecimalType}) END",
            DataType.Boolean => $"AS_BOOLEAN({value})",
            DataType.Date => $"TRY_TO_DATE(AS_VARCHAR({value}), 'YYYY-MM-DD')",
            DataType.Time => $"TRY_TO_TIME(AS_VARCHAR({value}))",
            DataType.Timestamp => $"TRY_TO_TIMESTAMP_NTZ(AS_VARCHAR({value}))",
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }
}
