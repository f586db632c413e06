using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql.Compilation;

namespace LinkedAudiences.Core.Sql;

/// <summary>
/// Compiles an audience plan to SQL for one warehouse. The algorithm lives here and in Compilation/; the
/// <see cref="SqlDialect"/> only spells things. Shapes: conditions are correlated subqueries under the profile row
/// (EXISTS / COUNT / aggregates), entity targets and matched entities join down their branch.
/// </summary>
public sealed class SqlCompiler(SqlDialect dialect)
{
    public SqlDialect Dialect { get; } = dialect ?? throw new ArgumentNullException(nameof(dialect));

    public CompiledAudience Compile(AudiencePlan plan, CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        var context = new CompileContext(Dialect, plan.Graph, options);
        var conditions = new Conditions(context);
        var members = new Members(context, conditions);
        var membersSql = members.Query(plan);
        var branches = new MatchedEntities(context, conditions, members).Branches(plan);
        return new CompiledAudience(Dialect, plan, membersSql, branches, context.Values);
    }
}
