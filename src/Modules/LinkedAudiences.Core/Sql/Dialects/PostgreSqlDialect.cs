using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Sql.Dialects;

/// <summary>
/// PostgreSQL: JSON columns are jsonb, read with jsonb_extract_path(_text) and checked with jsonb_typeof;
/// ordinal ordering through COLLATE "C"; no ends_with before PostgreSQL 17, so right/length.
/// </summary>
public sealed class PostgreSqlDialect : SqlDialect
{
    public static readonly PostgreSqlDialect Instance = new();

    // Text casts of date/time strings raise on malformed input (no TRY_CAST before PostgreSQL 16's
    // pg_input_is_valid), so the shape is checked first; a well-shaped but impossible date still raises.
    private const string DatePattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private const string TimePattern = "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$";
    private const string TimestampPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$";

    public override string Name => "postgres";

    public override string DecimalType => "NUMERIC";

    // The suffix is repeated: with $n placeholders a repeated parameter is still one value.
    public override string EndsWith(string text, string suffix) => $"right({text}, length({suffix})) = {suffix}";

    public override string OrdinalOrder(string expression) => expression + " COLLATE \"C\"";

    // Snapshot diffs probe by (audience, version, member): without an index each probe scans the audience.
    public override string? CreateIndexIfNotExists(string name, string table, IReadOnlyList<string> columns) =>
        $"CREATE INDEX IF NOT EXISTS {QuoteIdentifier(name)} ON {table} ({string.Join(", ", columns.Select(QuoteIdentifier))})";

    public override string? AnalyzeTable(string table) => "ANALYZE " + table;

    public override string JsonValue(string json, IReadOnlyList<string> path, DataType type)
    {
        var keys = string.Join(", ", path.Select(StringLiteral));
        var kind = $"jsonb_typeof(jsonb_extract_path({json}, {keys}))";
        var text = $"jsonb_extract_path_text({json}, {keys})";
        return type switch
        {
            DataType.String => $"CASE WHEN {kind} = 'string' THEN {text} END",
            DataType.Number => $"CASE WHEN {kind} = 'number' THEN CAST({text} AS NUMERIC) END",
            DataType.Boolean => $"CASE WHEN {kind} = 'boolean' THEN CAST({text} AS BOOLEAN) END",
            DataType.Date => Shaped(kind, text, DatePattern, "DATE"),
            DataType.Time => Shaped(kind, text, TimePattern, "TIME"),
            // A zone in the text is ignored by a cast to timestamp: values are expected in UTC.
            DataType.Timestamp => Shaped(kind, text, TimestampPattern, "TIMESTAMP"),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }

    private string Shaped(string kind, string text, string pattern, string sqlType) =>
        $"CASE WHEN {kind} = 'string' AND {text} ~ {StringLiteral(pattern)} THEN CAST({text} AS {sqlType}) END";
}
