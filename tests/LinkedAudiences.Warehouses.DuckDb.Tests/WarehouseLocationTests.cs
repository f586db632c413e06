using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Warehouses.DuckDb.Tests;

public sealed class WarehouseLocationTests
{
    [Theory]
    [InlineData("duckdb:demo.duckdb", "duckdb", "demo.duckdb")]
    [InlineData("duckdb::memory:", "duckdb", ":memory:")]
    [InlineData("postgres:Host=127.0.0.1;Port=55432;Username=postgres", "postgres", "Host=127.0.0.1;Port=55432;Username=postgres")]
    [InlineData("PostgreSQL:Host=db", "postgres", "Host=db")]
    [InlineData("snowflake:account=xy12345", "snowflake", "account=xy12345")]
    public void Parse_KnownKind_KindAndValue(string text, string kind, string value)
    {
        Assert.Equal(new WarehouseLocation(kind, value), WarehouseLocation.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("demo.duckdb")]
    [InlineData("mysql:Host=db")]
    [InlineData("duckdb:")]
    [InlineData(":memory:")]
    public void Parse_Malformed_FormatExceptionListingTheForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => WarehouseLocation.Parse(text));

        Assert.Contains("duckdb:PATH", error.Message, StringComparison.Ordinal);
        Assert.False(WarehouseLocation.TryParse(text, out _));
    }

    [Fact]
    public void ToString_PostgresLocation_HidesTheConnectionString()
    {
        Assert.Equal("postgres:***", WarehouseLocation.Parse("postgres:Host=db;Password=secret").ToString());
        Assert.Equal("duckdb:demo.duckdb", WarehouseLocation.Parse("duckdb:demo.duckdb").ToString());
    }
}
