using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>
/// The correctness oracle: evaluates an audience definition over in-memory rows by following the briefing's
/// semantics (and /work/shared/SEMANTICS.md) literally, with nested loops and recursion. It shares nothing with the
/// SQL compiler, so agreement between the two means something. Clarity beats speed here; only joins are indexed.
/// Invalid definitions (unknown names, operators a type does not allow, references outside the branch...) throw
/// <see cref="InvalidOperationException"/> rather than being given a meaning the validator would not.
/// </summary>
public sealed partial class ReferenceEvaluator
{
    private readonly DataGraph _graph;
    private readonly InMemoryWarehouse _data;
    private readonly IReadOnlyList<ProfileRow> _profiles;
    private readonly Dictionary<string, IReadOnlyList<EventRow>> _eventsByProfile;

    public ReferenceEvaluator(DataGraph graph, InMemoryWarehouse data)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(data);
        _graph = graph;
        _data = data;

        var profileTable = data.Table(graph.Profile.Schema, graph.Profile.Table);
        // A profile row without an id has no key to be returned as, so it can never be a member (rule 10).
        _profiles = [.. profileTable.Rows.Select(r => new ProfileRow(graph.Profile, profileTable, r)).Where(p => p.Key is not null)];
        _eventsByProfile = LoadEvents();
    }

    /// <summary>
    /// The audience's members at <paramref name="asOf"/>: profile ids for a profile target, target entity keys for an
    /// entity target (rule 10: keys as text). <paramref name="imports"/> holds the definitions part-of-audience conditions
    /// import; <paramref name="storedMemberships"/> the last stored membership of audiences referenced in membership mode.
    /// </summary>
    public IReadOnlySet<string> Members(
        AudienceDefinition definition,
        DateTimeOffset asOf,
        IReadOnlyDictionary<string, AudienceDefinition> imports,
        IReadOnlyDictionary<string, IReadOnlySet<string>> storedMemberships)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var evaluation = new Evaluation(asOf, imports, storedMemberships);
        return definition.Target.Type == TargetType.Entity
            ? EntityTargetMembers(definition, evaluation).Keys.ToHashSet(StringComparer.Ordinal)
            : ProfileMembers(definition, evaluation);
    }

    /// <summary>
    /// Which entity rows qualified each member (rule 11), distinct and ordered by member, branch, depth, parent key, entity key.
    /// The product truncates its preview to ten rows per level; the oracle returns them all.
    /// </summary>
    public IReadOnlyList<MatchedEntity> MatchedEntities(
        AudienceDefinition definition,
        DateTimeOffset asOf,
        IReadOnlyDictionary<string, AudienceDefinition> imports,
        IReadOnlyDictionary<string, IReadOnlySet<string>> storedMemberships)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var evaluation = new Evaluation(asOf, imports, storedMemberships);
        var rows = definition.Target.Type == TargetType.Entity
            ? EntityTargetMatches(definition, evaluation)
            : ProfileMatches(definition, evaluation);

        return [.. rows.Distinct()
            .OrderBy(m => m.MemberKey, StringComparer.Ordinal)
            .ThenBy(m => m.Branch, StringComparer.Ordinal)
            .ThenBy(m => m.Depth)
            .ThenBy(m => m.ParentKey, StringComparer.Ordinal)
            .ThenBy(m => m.EntityKey, StringComparer.Ordinal)];
    }

    private HashSet<string> ProfileMembers(AudienceDefinition definition, Evaluation evaluation)
    {
        RequireGroups(definition);
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in _profiles)
        {
            if (AudienceHolds(definition, Scope.Of(profile), evaluation))
            {
                members.Add(profile.Key!);
            }
        }

        return members;
    }

    /// <summary>Rule 1: the groups combined by groupOperator, each group its conditions combined by the group's operator.</summary>
    private bool AudienceHolds(AudienceDefinition definition, Scope profile, Evaluation evaluation) =>
        Combine(definition.GroupOperator, definition.Groups, g => GroupHolds(g, profile, evaluation));

    private bool GroupHolds(ConditionGroup group, Scope profile, Evaluation evaluation) =>
        Combine(group.Operator, group.Conditions, c => ConditionHolds(c, profile, evaluation));

    /// <summary>
    /// Rule 2 / SEMANTICS 6: every condition is two-valued (a null comparison is already FALSE), and negate is the NOT of
    /// that whole result, so "without" takes in profiles with nothing related at all.
    /// </summary>
    private bool ConditionHolds(Condition condition, Scope scope, Evaluation evaluation)
    {
        var holds = condition switch
        {
            EntityCondition entity => EntityConditionHolds(entity, scope, evaluation),
            TraitCondition trait => TraitConditionHolds(trait, scope.Profile),
            EventCondition @event => EventConditionHolds(@event, scope.Profile, evaluation),
            AudienceCondition audience => AudienceConditionHolds(audience, scope.Profile, evaluation),
            _ => throw new InvalidOperationException($"Unknown condition {condition.GetType().Name}."),
        };
        return condition.Negate ? !holds : holds;
    }

    private static bool Combine<T>(LogicalOperator op, IReadOnlyList<T> items, Func<T, bool> holds) =>
        op == LogicalOperator.And ? items.All(holds) : items.Any(holds);

    private static void RequireGroups(AudienceDefinition definition)
    {
        // An empty audience or group has no meaning the seeds give; the validator refuses it, so the oracle does too.
        if (definition.Groups.Count == 0 || definition.Groups.Any(g => g.Conditions.Count == 0))
        {
            throw new InvalidOperationException("An audience needs at least one group and every group at least one condition.");
        }
    }

    private Dictionary<string, IReadOnlyList<EventRow>> LoadEvents()
    {
        var byProfile = new Dictionary<string, IReadOnlyList<EventRow>>(StringComparer.Ordinal);
        if (_graph.Events is not { } source)
        {
            return byProfile;
        }

        var table = _data.Table(source.Schema, source.Table);
        foreach (var group in table.Rows.GroupBy(r => KeyText.Of(table.Get(r, source.ProfileIdColumn))))
        {
            if (group.Key is not null)
            {
                byProfile[group.Key] = [.. group.Select(r => new EventRow(source, table, r))];
            }
        }

        return byProfile;
    }

    /// <summary>Per-call state: the as-of time and the part-of-audience inputs, with imported audiences evaluated once.</summary>
    private sealed class Evaluation(
        DateTimeOffset asOf,
        IReadOnlyDictionary<string, AudienceDefinition> imports,
        IReadOnlyDictionary<string, IReadOnlySet<string>> storedMemberships)
    {
        /// <summary>SEMANTICS 1: the as-of parameter, never a clock; UTC without zone, as timestamps are compared.</summary>
        public DateTime AsOf { get; } = TimeWindows.Normalize(asOf);

        public DateTimeOffset AsOfInstant { get; } = asOf;

        public IReadOnlyDictionary<string, AudienceDefinition> Imports { get; } = imports ?? throw new ArgumentNullException(nameof(imports));

        public IReadOnlyDictionary<string, IReadOnlySet<string>> StoredMemberships { get; } =
            storedMemberships ?? throw new ArgumentNullException(nameof(storedMemberships));

        public Dictionary<string, IReadOnlySet<string>> ImportedMembers { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Importing { get; } = new(StringComparer.Ordinal);
    }
}
