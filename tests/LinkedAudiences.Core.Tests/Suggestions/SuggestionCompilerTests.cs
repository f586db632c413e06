using System.Text;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.Sql.Dialects;
using LinkedAudiences.Core.Suggestions;
using LinkedAudiences.Core.Tests.Sql;

namespace LinkedAudiences.Core.Tests.Suggestions;

public sealed class SuggestionCompilerTests
{
    private static readonly SqlDialect[] Dialects = [DuckDbDialect.Instance, PostgreSqlDialect.Instance, SnowflakeDialect.Instance];

    [Fact]
    public void Compile_EverySuggestionKind_MatchesBaseline()
    {
        var text = new StringBuilder();
        foreach (var dialect in Dialects)
        {
            var compiler = new SuggestionCompiler(dialect);
            text.Append(Baseline.Describe(dialect.Name + ": entity column values", compiler.EntityColumnValues(DemoGraph.Graph, "pet", "type"))).Append('\n');
            text.Append(Baseline.Describe(dialect.Name + ": event property values", compiler.EventPropertyValues(DemoGraph.Graph, "Order Completed", "amount"))).Append('\n');
            text.Append(Baseline.Describe(dialect.Name + ": event context values", compiler.EventPropertyValues(DemoGraph.Graph, "Order Completed", "context.locale"))).Append('\n');
            text.Append(Baseline.Describe(dialect.Name + ": nested trait values", compiler.TraitValues(DemoGraph.Graph, "city"))).Append('\n');
            text.Append(Baseline.Describe(dialect.Name + ": column trait values", compiler.TraitValues(DemoGraph.Graph, "plan"))).Append('\n');
        }

        Baseline.Verify("suggestions", text.ToString());
    }

    [Fact]
    public void EntityColumnValues_DefaultLimits_Are500ValuesOverAScanOf100000Rows()
    {
        var query = new SuggestionCompiler(DuckDbDialect.Instance).EntityColumnValues(DemoGraph.Graph, "account", "status");

        Assert.EndsWith("ORDER BY s.value\nLIMIT 500", query.Sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT 100000\n", query.Sql, StringComparison.Ordinal);
        Assert.Empty(query.Parameters);
    }

    [Fact]
    public void EventPropertyValues_ScanLimitAndLimit_AreHonoured()
    {
        var query = new SuggestionCompiler(PostgreSqlDialect.Instance) { ScanLimit = 1000 }.EventPropertyValues(DemoGraph.Graph, "Signed In", "context.channel", limit: 10);

        Assert.Contains("ORDER BY ev.\"occurred_at\" DESC\n  LIMIT 1000", query.Sql, StringComparison.Ordinal);
        Assert.EndsWith("ORDER BY COUNT(*) DESC, s.value COLLATE \"C\"\nLIMIT 10", query.Sql, StringComparison.Ordinal);
        Assert.Equal(["Signed In"], query.Parameters.Select(p => p.Value));
    }

    [Fact]
    public void EntityColumnValues_NonStringColumn_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SuggestionCompiler(DuckDbDialect.Instance).EntityColumnValues(DemoGraph.Graph, "account", "credit_limit"));

        Assert.Contains("STRING", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("boat", "type")]
    [InlineData("pet", "colour")]
    public void EntityColumnValues_UnknownEntityOrColumn_Throws(string entity, string column) =>
        Assert.Throws<InvalidOperationException>(() => new SuggestionCompiler(DuckDbDialect.Instance).EntityColumnValues(DemoGraph.Graph, entity, column));

    [Fact]
    public void EventPropertyValues_UnknownProperty_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new SuggestionCompiler(DuckDbDialect.Instance).EventPropertyValues(DemoGraph.Graph, "Order Completed", "context.device"));

    [Fact]
    public void TraitValues_UnknownTrait_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new SuggestionCompiler(DuckDbDialect.Instance).TraitValues(DemoGraph.Graph, "shoe_size"));

    [Fact]
    public void TraitValues_ZeroLimit_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SuggestionCompiler(DuckDbDialect.Instance).TraitValues(DemoGraph.Graph, "plan", limit: 0));
}
