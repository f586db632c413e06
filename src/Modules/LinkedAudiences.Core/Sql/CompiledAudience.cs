using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql.Compilation;

namespace LinkedAudiences.Core.Sql;

/// <summary>
/// The queries of one compiled audience. Every query returns keys as VARCHAR (SEMANTICS 10):
/// <list type="bullet">
/// <item><see cref="Members"/>: member_key, one row per member.</item>
/// <item><see cref="Count"/>: member_count, one row.</item>
/// <item><see cref="MatchedEntities"/>: member_key, branch, depth, entity, entity_key, parent_key (SEMANTICS 11).</item>
/// </list>
/// </summary>
public sealed class CompiledAudience
{
    public const string MemberKeyColumn = "member_key";

    private readonly string _members;
    private readonly string _branches;
    private readonly IReadOnlyList<object?> _values;

    internal CompiledAudience(SqlDialect dialect, AudiencePlan plan, string members, string branches, IReadOnlyList<object?> values)
    {
        Dialect = dialect;
        Plan = plan;
        _members = members;
        _branches = branches;
        _values = values;
        Members = Render(members);
        Count = Render("SELECT COUNT(*) AS member_count\nFROM " + SqlText.Subquery(members) + " AS m");
        MatchedEntities = Render(WithMembers(members) + _branches);
    }

    public SqlDialect Dialect { get; }

    public AudiencePlan Plan { get; }

    public SqlQuery Members { get; }

    public SqlQuery Count { get; }

    public SqlQuery MatchedEntities { get; }

    /// <summary>Matched entities of the given members only (previews); keys that are not members give no rows.</summary>
    public SqlQuery MatchedEntitiesFor(IReadOnlyCollection<string> memberKeys)
    {
        ArgumentNullException.ThrowIfNull(memberKeys);
        var values = new List<object?>(_values);
        var markers = new List<string>(memberKeys.Count);
        foreach (var key in memberKeys)
        {
            values.Add(key);
            markers.Add(SqlTemplate.Marker(values.Count - 1));
        }

        var restriction = markers.Count == 0 ? Dialect.BooleanLiteral(false) : $"m.member_key IN ({string.Join(", ", markers)})";
        var restricted = "SELECT m.member_key\nFROM " + SqlText.Subquery(_members) + " AS m\nWHERE " + restriction;
        return new SqlTemplate(WithMembers(restricted) + _branches, values).Render(Dialect);
    }

    /// <summary>The first <paramref name="limit"/> members in ordinal key order.</summary>
    public SqlQuery Sample(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Render("SELECT m.member_key\nFROM " + SqlText.Subquery(_members) + " AS m\nORDER BY "
            + Dialect.OrdinalOrder("m.member_key") + "\n" + Dialect.Limit(limit));
    }

    private static string WithMembers(string members) => $"WITH {Compilation.MatchedEntities.MembersCte} AS " + SqlText.Subquery(members) + "\n";

    private SqlQuery Render(string text) => new SqlTemplate(text, _values).Render(Dialect);
}
