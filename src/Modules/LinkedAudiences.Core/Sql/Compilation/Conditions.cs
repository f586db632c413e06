using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Planning;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// Audiences, groups and conditions as predicates over a profile row (SEMANTICS 1, 6-8); entity conditions are
/// delegated to <see cref="EntityBranches"/>.
/// </summary>
internal sealed class Conditions
{
    private readonly CompileContext _context;
    private readonly Operands _operands;
    private readonly Predicates _predicates;

    public Conditions(CompileContext context)
    {
        _context = context;
        _operands = new Operands(context);
        _predicates = new Predicates(context, _operands);
        Entities = new EntityBranches(context, _predicates);
    }

    public EntityBranches Entities { get; }

    /// <summary>The profile key as returned to callers (SEMANTICS 10).</summary>
    public string ProfileKey(string profileAlias) =>
        _context.Dialect.CastToText(_context.Column(profileAlias, _context.Graph.Profile.IdColumn));

    public string ProfileTable => _context.Table(_context.Graph.Profile.Schema, _context.Graph.Profile.Table);

    /// <summary>
    /// The audience predicate; <paramref name="negate"/> compiles its two-valued complement by De Morgan down to
    /// the conditions (flipping each one's negation), so no subquery ends up inside a COALESCE.
    /// </summary>
    public string Audience(AudiencePlan plan, Scope scope, bool negate = false) =>
        SqlText.Combine(_context.Dialect, Flip(plan.GroupOperator, negate), [.. plan.Groups.Select(g => Group(g, scope, negate))]);

    public string Group(PlannedGroup group, Scope scope, bool negate = false) =>
        SqlText.Combine(_context.Dialect, Flip(group.Operator, negate), [.. group.Conditions.Select(c => Condition(negate ? c with { Negate = !c.Negate } : c, scope))]);

    public string Condition(PlannedCondition condition, Scope scope) => condition switch
    {
        PlannedEntityCondition entity => Entities.Condition(entity, scope),
        PlannedTraitCondition trait => Trait(trait, scope),
        PlannedEventCondition @event => Event(@event, scope),
        PlannedAudienceCondition audience => AudienceReference(audience, scope),
        _ => throw new InvalidOperationException($"Condition {condition.GetType().Name} is not compiled."),
    };

    /// <summary>SEMANTICS 6: no operator means present; otherwise a comparison, FALSE when the trait is missing.</summary>
    private string Trait(PlannedTraitCondition condition, Scope scope)
    {
        var value = _operands.Trait(condition.Trait, scope.Profile);
        var test = condition.Operator is { } op
            ? _predicates.Compare(value, op, _operands.Render(condition.Value!, scope))
            : value + " IS NOT NULL";
        return condition.Negate ? _predicates.Not(test, isExists: false) : test;
    }

    /// <summary>SEMANTICS 7: the profile's events of that name passing the filters and window, counted.</summary>
    private string Event(PlannedEventCondition condition, Scope scope)
    {
        var events = condition.Events;
        var alias = _context.Alias("ev");
        var inner = scope with { Event = alias };
        var timestamp = _context.Column(alias, events.TimestampColumn);
        var rows = new List<string> { $"{_context.Column(alias, events.NameColumn)} = {_context.Parameter(condition.EventName)}" };
        if (condition.Where is { Filters.Count: > 0 } where)
        {
            rows.Add(_predicates.Filters(where, inner));
        }

        rows.AddRange(Window(timestamp, condition.Window));

        var from = _context.Table(events.Schema, events.Table) + " AS " + alias;
        var profileKey = _context.Column(scope.Profile, _context.Graph.Profile.IdColumn);
        var eventProfile = _context.Column(alias, events.ProfileIdColumn);
        if (condition.Count is null or { Operator: CountOperator.AtLeast, Value: 1 })
        {
            var exists = "EXISTS " + SqlText.Subquery(SqlText.Select("1", from, [$"{eventProfile} = {profileKey}", .. rows]));
            return condition.Negate ? _predicates.Not(exists, isExists: true) : exists;
        }

        return Counting.Test(_context, _predicates, profileKey, eventProfile, from, rows, condition.Count, aggregate: null, value: null, condition.Negate);
    }

    /// <summary>Within the last N days: as-of − N ≤ ts ≤ as-of. Between dates: from ≤ date(ts) ≤ to, as a half-open timestamp range.</summary>
    private IEnumerable<string> Window(string timestamp, EventWindow? window)
    {
        if (window is null)
        {
            yield break;
        }

        if (window.WithinLastDays is { } days)
        {
            var (from, to) = TimeWindows.LastDays(_context.AsOf, days);
            yield return $"{timestamp} >= {_context.Parameter(from)}";
            yield return $"{timestamp} <= {_context.Parameter(to)}";
            yield break;
        }

        if (window.From is { } fromDate)
        {
            yield return $"{timestamp} >= {_context.Parameter(TimeWindows.Between(fromDate, fromDate).FromInclusive)}";
        }

        if (window.To is { } toDate)
        {
            yield return $"{timestamp} < {_context.Parameter(TimeWindows.Between(toDate, toDate).ToExclusive)}";
        }
    }

    /// <summary>SEMANTICS 8: import inlines the referenced audience over the same profile row; membership reads the stored set.</summary>
    private string AudienceReference(PlannedAudienceCondition condition, Scope scope)
    {
        if (condition.Mode == AudienceReferenceMode.Import)
        {
            var imported = condition.Imported ?? throw new InvalidOperationException($"The imported audience '{condition.AudienceKey}' was not planned.");
            return Audience(imported, Scope.ForProfile(scope.Profile), condition.Negate);
        }

        var alias = _context.Alias("m");
        var membership = SqlText.Select(
            "1",
            _context.Table(_context.Options.MembershipSchema, _context.Options.MembershipTable) + " AS " + alias,
            [
                $"{_context.Column(alias, "audience_key")} = {_context.Parameter(condition.AudienceKey)}",
                $"{_context.Column(alias, "member_key")} = {ProfileKey(scope.Profile)}",
            ]);
        var exists = "EXISTS " + SqlText.Subquery(membership);
        return condition.Negate ? _predicates.Not(exists, isExists: true) : exists;
    }

    private static LogicalOperator Flip(LogicalOperator op, bool negate) =>
        !negate ? op : op == LogicalOperator.And ? LogicalOperator.Or : LogicalOperator.And;
}
