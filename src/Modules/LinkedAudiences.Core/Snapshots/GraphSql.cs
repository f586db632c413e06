using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql;

namespace LinkedAudiences.Core.Snapshots;

/// <summary>The data graph's tables and columns as snapshot SQL reads them (keys as text, SEMANTICS 10).</summary>
internal sealed class GraphSql(SqlDialect dialect, DataGraph graph)
{
    public SqlDialect Dialect { get; } = dialect;

    public string ProfileTable => Dialect.QuoteTable(graph.Profile.Schema, graph.Profile.Table);

    public string ProfileKey(string alias) => Dialect.CastToText(Column(alias, graph.Profile.IdColumn));

    public string EntityTable(EntityDefinition entity) => Dialect.QuoteTable(entity.Schema, entity.Table);

    public string EntityKey(string alias, EntityDefinition entity) => Dialect.CastToText(Column(alias, entity.PrimaryKey));

    public string Column(string alias, string column) => alias + "." + Dialect.QuoteIdentifier(column);

    /// <summary>A trait's value on the profile row <paramref name="alias"/>, typed (JSON traits of the wrong kind read as NULL).</summary>
    public string Trait(string alias, TraitDefinition trait) =>
        trait.Column is { } column
            ? Column(alias, column)
            : Dialect.JsonValue(
                Column(alias, graph.Profile.TraitsColumn ?? throw new InvalidOperationException($"Trait '{trait.Name}' needs the profile traits column.")),
                trait.PathSegments,
                trait.Type);

    /// <summary>A NULL of the type a graph type is read as, so UNION branches agree on their columns' types.</summary>
    public string TypedNull(DataType type) => "CAST(NULL AS " + type switch
    {
        DataType.Number => Dialect.DecimalType,
        DataType.String => Dialect.TextType,
        DataType.Boolean => "BOOLEAN",
        DataType.Date => "DATE",
        DataType.Time => "TIME",
        DataType.Timestamp => "TIMESTAMP",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    } + ")";

    /// <summary>
    /// Entity targets: (member_key, profile_key) for every target row, the profile being the least key among the
    /// profiles its groups' chains link it to (relationships only, not conditions: "the member's profile when known").
    /// </summary>
    public string TargetProfiles(AudiencePlan plan)
    {
        var selects = new List<string>();
        foreach (var chain in plan.Groups.Select(g => g.TargetChain).Where(c => c.Count > 0))
        {
            var from = ProfileTable + " AS lp";
            var parent = "lp";
            for (var i = 0; i < chain.Count; i++)
            {
                var alias = "le" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var link = chain[i].Link;
                var table = EntityTable(chain[i].Entity);
                if (link.Junction is { } junction)
                {
                    var j = alias + "j";
                    from += $"\nJOIN {Dialect.QuoteTable(junction.Schema, junction.Table)} AS {j} ON {Column(j, junction.FromColumn)} = {Column(parent, link.ParentColumn)}"
                        + $"\nJOIN {table} AS {alias} ON {Column(alias, link.ChildColumn)} = {Column(j, junction.ToColumn)}";
                }
                else
                {
                    from += $"\nJOIN {table} AS {alias} ON {Column(alias, link.ChildColumn)} = {Column(parent, link.ParentColumn)}";
                }

                parent = alias;
            }

            selects.Add($"SELECT {EntityKey(parent, chain[^1].Entity)} AS member_key, {ProfileKey("lp")} AS profile_key\nFROM {from}");
        }

        return $"SELECT t.member_key, MIN(t.profile_key) AS profile_key\nFROM ({string.Join("\nUNION ALL\n", selects)}) AS t\nGROUP BY t.member_key";
    }
}
