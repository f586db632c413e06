using LinkedAudiences.Core.Planning;
using LinkedAudiences.Core.Sql.Compilation;

namespace LinkedAudiences.Core.Sql;

/// <summary>
/// Compiles an audience plan to SQL for one warehouse. The algorithm lives here and in Compilation/ (one file per
/// concern: Conditions, EntityBranches, Counting, Predicates, Operands, Members, MatchedEntities); the
/// <see cref="SqlDialect"/> only spells things. Shapes: profile members are <c>SELECT ... FROM profiles p WHERE
/// predicates</c>, where a condition is EXISTS over its related rows (nested conditions correlate to the row above)
/// or, for counts and aggregates, the parent key IN grouped sets; entity targets and matched entities join down
/// their branch. Values are always parameters; the as-of time only reaches SQL as bound window bounds.
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
