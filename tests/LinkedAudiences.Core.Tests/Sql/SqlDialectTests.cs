using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;

namespace LinkedAudiences.Core.Tests.Sql;

public sealed class SqlDialectTests
{
    public static TheoryData<string> DialectNames => ["duckdb", "postgres", "snowflake"];

    private static SqlDialect Dialect(string name) => name switch
    {
        "duckdb" => DuckDbDialect.Instance,
        "postgres" => PostgreSqlDialect.Instance,
        _ => SnowflakeDialect.Instance,
    };

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void QuoteIdentifier_EmbeddedQuote_IsDoubledAndCaseKept(string dialect)
    {
        Assert.Equal("\"Weird\"\"Name\"", Dialect(dialect).QuoteIdentifier("Weird\"Name"));
        Assert.Equal("\"Sales\".\"Orders\"", Dialect(dialect).QuoteTable("Sales", "Orders"));
        Assert.Equal("\"orders\"", Dialect(dialect).QuoteTable(null, "orders"));
    }

    [Fact]
    public void Placeholder_PerDialect_IsPositional()
    {
        Assert.Equal("$3", DuckDbDialect.Instance.Placeholder(3));
        Assert.Equal("$3", PostgreSqlDialect.Instance.Placeholder(3));
        Assert.Equal("?", SnowflakeDialect.Instance.Placeholder(3));
    }

    [Fact]
    public void StringLiteral_Snowflake_EscapesBackslashesToo()
    {
        Assert.Equal("'it''s \\ here'", PostgreSqlDialect.Instance.StringLiteral("it's \\ here"));
        Assert.Equal("'it''s \\\\ here'", SnowflakeDialect.Instance.StringLiteral("it's \\ here"));
    }

    [Theory]
    [InlineData(DataType.String, "CASE WHEN json_type(t, '$.\"a\".\"b\"') = 'VARCHAR' THEN json_extract_string(t, '$.\"a\".\"b\"') END")]
    [InlineData(DataType.Number, "CASE WHEN json_type(t, '$.\"a\".\"b\"') IN ('BIGINT', 'UBIGINT', 'DOUBLE', 'HUGEINT') THEN CAST(json_extract_string(t, '$.\"a\".\"b\"') AS DECIMAL(38, 10)) END")]
    [InlineData(DataType.Boolean, "CASE WHEN json_type(t, '$.\"a\".\"b\"') = 'BOOLEAN' THEN CAST(json_extract_string(t, '$.\"a\".\"b\"') AS BOOLEAN) END")]
    [InlineData(DataType.Date, "CASE WHEN json_type(t, '$.\"a\".\"b\"') = 'VARCHAR' THEN TRY_CAST(json_extract_string(t, '$.\"a\".\"b\"') AS DATE) END")]
    public void JsonValue_DuckDb_ChecksTheJsonTypeBeforeReading(DataType type, string expected) =>
        Assert.Equal(expected, DuckDbDialect.Instance.JsonValue("t", ["a", "b"], type));

    [Fact]
    public void JsonValue_DuckDbKeyWithQuoteAndDot_StaysOneKey() =>
        Assert.Equal(
            "CASE WHEN json_type(t, '$.\"a\\\".b''c\"') = 'VARCHAR' THEN json_extract_string(t, '$.\"a\\\".b''c\"') END",
            DuckDbDialect.Instance.JsonValue("t", ["a\".b'c"], DataType.String));

    [Theory]
    [InlineData(DataType.String, "CASE WHEN jsonb_typeof(jsonb_extract_path(t, 'a', 'b')) = 'string' THEN jsonb_extract_path_text(t, 'a', 'b') END")]
    [InlineData(DataType.Number, "CASE WHEN jsonb_typeof(jsonb_extract_path(t, 'a', 'b')) = 'number' THEN CAST(jsonb_extract_path_text(t, 'a', 'b') AS NUMERIC) END")]
    [InlineData(DataType.Boolean, "CASE WHEN jsonb_typeof(jsonb_extract_path(t, 'a', 'b')) = 'boolean' THEN CAST(jsonb_extract_path_text(t, 'a', 'b') AS BOOLEAN) END")]
    [InlineData(DataType.Time, "CASE WHEN jsonb_typeof(jsonb_extract_path(t, 'a', 'b')) = 'string' AND jsonb_extract_path_text(t, 'a', 'b') ~ '^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$' THEN CAST(jsonb_extract_path_text(t, 'a', 'b') AS TIME) END")]
    public void JsonValue_PostgreSql_ChecksJsonbTypeofBeforeCasting(DataType type, string expected) =>
        Assert.Equal(expected, PostgreSqlDialect.Instance.JsonValue("t", ["a", "b"], type));

    [Theory]
    [InlineData(DataType.String, "AS_VARCHAR(t:\"a\":\"b\")")]
    [InlineData(DataType.Number, "CASE WHEN TYPEOF(t:\"a\":\"b\") IN ('INTEGER', 'DECIMAL', 'DOUBLE') THEN CAST(t:\"a\":\"b\" AS NUMBER(38, 10)) END")]
    [InlineData(DataType.Boolean, "AS_BOOLEAN(t:\"a\":\"b\")")]
    [InlineData(DataType.Date, "TRY_TO_DATE(AS_VARCHAR(t:\"a\":\"b\"), 'YYYY-MM-DD')")]
    [InlineData(DataType.Time, "TRY_TO_TIME(AS_VARCHAR(t:\"a\":\"b\"))")]
    [InlineData(DataType.Timestamp, "TRY_TO_TIMESTAMP_NTZ(AS_VARCHAR(t:\"a\":\"b\"))")]
    public void JsonValue_Snowflake_UsesQuotedPathAndTypedAccessors(DataType type, string expected) =>
        Assert.Equal(expected, SnowflakeDialect.Instance.JsonValue("t", ["a", "b"], type));

    [Fact]
    public void StringFunctions_PerDialect_AreCaseSensitiveForms()
    {
        Assert.Equal("strpos(a, b) > 0", DuckDbDialect.Instance.Contains("a", "b"));
        Assert.Equal("ends_with(a, b)", DuckDbDialect.Instance.EndsWith("a", "b"));
        Assert.Equal("right(a, length(b)) = b", PostgreSqlDialect.Instance.EndsWith("a", "b"));
        Assert.Equal("starts_with(a, b)", PostgreSqlDialect.Instance.StartsWith("a", "b"));
        Assert.Equal("CONTAINS(a, b)", SnowflakeDialect.Instance.Contains("a", "b"));
        Assert.Equal("STARTSWITH(a, b)", SnowflakeDialect.Instance.StartsWith("a", "b"));
        Assert.Equal("ENDSWITH(a, b)", SnowflakeDialect.Instance.EndsWith("a", "b"));
    }

    [Fact]
    public void OrdinalOrder_PostgreSql_UsesTheCCollation()
    {
        Assert.Equal("v COLLATE \"C\"", PostgreSqlDialect.Instance.OrdinalOrder("v"));
        Assert.Equal("v", DuckDbDialect.Instance.OrdinalOrder("v"));
        Assert.Equal("v", SnowflakeDialect.Instance.OrdinalOrder("v"));
    }

    [Theory]
    [InlineData("duckdb", typeof(DuckDbDialect))]
    [InlineData("PostgreS", typeof(PostgreSqlDialect))]
    [InlineData("snowflake", typeof(SnowflakeDialect))]
    public void SqlDialects_Get_FindsTheDialectByName(string name, Type expected) =>
        Assert.IsType(expected, SqlDialects.Get(name));

    [Fact]
    public void SqlDialects_GetUnknown_ThrowsNamingTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => SqlDialects.Get("oracle"));

        Assert.StartsWith("Unknown SQL dialect 'oracle'; known: duckdb, postgres, snowflake.", error.Message, StringComparison.Ordinal);
    }
}
