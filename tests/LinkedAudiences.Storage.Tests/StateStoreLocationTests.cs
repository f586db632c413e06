using LinkedAudiences.Core.State;
using LinkedAudiences.Storage.Engines;

namespace LinkedAudiences.Storage.Tests;

public sealed class StateStoreLocationTests
{
    [Theory]
    [InlineData("sqlite:/var/lib/la/state.db", "sqlite", "/var/lib/la/state.db")]
    [InlineData("SQLite: state.db ", "sqlite", "state.db")]
    [InlineData("postgres:Host=db;Username=la", "postgres", "Host=db;Username=la")]
    [InlineData("postgresql:Host=db;Search Path=la_state", "postgres", "Host=db;Search Path=la_state")]
    public void Parse_KnownKind_SplitsKindAndValue(string text, string kind, string value)
    {
        var location = StateStoreLocation.Parse(text);

        Assert.Equal(kind, location.Kind);
        Assert.Equal(value, location.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("state.db")]
    [InlineData("sqlite:")]
    [InlineData("duckdb:state.db")]
    [InlineData(":state.db")]
    public void Parse_NotALocation_ThrowsFormatException(string text)
    {
        var error = Assert.Throws<FormatException>(() => StateStoreLocation.Parse(text));

        Assert.Contains("sqlite:PATH or postgres:CONNECTION-STRING", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Postgres_HidesTheConnectionString()
    {
        Assert.Equal("postgres:***", StateStoreLocation.Parse("postgres:Host=db;Password=secret").ToString());
        Assert.Equal("sqlite:state.db", StateStoreLocation.Parse("sqlite:state.db").ToString());
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("la_state", "la_state")]
    [InlineData("LA_State, public", "la_state")]
    [InlineData("\"Mixed Case\",public", "Mixed Case")]
    [InlineData("$user, public", null)]
    public void FirstSchema_SearchPath_IsTheSchemaTheTablesGoTo(string? searchPath, string? schema)
    {
        Assert.Equal(schema, PostgresStoreEngine.FirstSchema(searchPath));
    }

    [Fact]
    public void FirstSchema_NotAName_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => PostgresStoreEngine.FirstSchema("la;drop"));
    }

    [Theory]
    [InlineData("Host=db;Username=la", false)]
    [InlineData("Host=db;Command Timeout=5", true)]
    [InlineData("Host=db;commandtimeout=5", true)]
    [InlineData("Host=db;Timeout=5", false)]
    public void SetsCommandTimeout_ConnectionString_OnlyWhenTheTextSetsIt(string connectionString, bool expected)
    {
        Assert.Equal(expected, PostgresStoreEngine.SetsCommandTimeout(connectionString));
    }

    [Fact]
    public async Task Open_SqliteInMemory_ThrowsBecauseStateMustSurvive()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => StateStore.OpenAsync("sqlite::memory:", TimeProvider.System, CancellationToken.None));

        Assert.Contains("file path", error.Message, StringComparison.Ordinal);
    }
}
