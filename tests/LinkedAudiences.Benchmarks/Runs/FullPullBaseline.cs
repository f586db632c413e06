using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using LinkedAudiences.Core.Events;
using LinkedAudiences.Core.Graph;
using LinkedAudiences.Core.Runs;
using LinkedAudiences.Core.Sql;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Benchmarks.Runs;

/// <summary>
/// The design the in-warehouse diff replaces: every run pulls the whole membership out of the warehouse (members
/// with their trait values, every matched entity row with its enriched columns), diffs it in memory against the
/// previous membership the app kept (in SQLite), commits the same events through the same run store, and then
/// rewrites its copy of the membership. Profile-target audiences only. Not crash-safe (the copy is rewritten after
/// the commit): it is a yardstick for cost, not a second implementation.
/// </summary>
internal sealed class FullPullBaseline(IWarehouse warehouse, IRunStore runs, BaselineStateFile state, DataGraph graph, TimeProvider time)
{
    /// <summary>Where the last run's time went (seconds): load previous, pull members, pull entities, hash, diff, commit, save.</summary>
    public string LastPhases { get; private set; } = "";

    public async Task<ChangeSummary> RunAsync(string key, CompiledAudience compiled, EnrichmentSpec spec, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        if (!compiled.Plan.TargetsProfiles)
        {
            throw new NotSupportedException("The full-pull baseline handles profile-target audiences only.");
        }

        var started = time.GetUtcNow();
        var runId = Guid.NewGuid().ToString("N");
        var version = await runs.GetCommittedVersionAsync(key, cancellationToken) + 1;
        var enrichment = Enrichment.Resolve(spec, graph);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var phases = new List<string>();
        void Phase(string name)
        {
            phases.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {watch.Elapsed.TotalSeconds:0.00}"));
            watch.Restart();
        }

        var previous = await state.LoadAsync(key, cancellationToken);
        Phase("load");
        var (current, values) = await PullAsync(compiled, enrichment, Phase, cancellationToken);

        var entered = current.Members.Keys.Where(m => !previous.Members.ContainsKey(m)).Order(StringComparer.Ordinal).ToList();
        var exited = previous.Members.Keys.Where(m => !current.Members.ContainsKey(m)).Order(StringComparer.Ordinal).ToList();
        var entitiesEntered = current.Entities.Keys.Where(r => !previous.Entities.ContainsKey(r)).Order(EntityRowOrder.Instance).ToList();
        var entitiesExited = previous.Entities.Keys.Where(r => !current.Entities.ContainsKey(r)).Order(EntityRowOrder.Instance).ToList();
        var changed = current.Members
            .Where(m => previous.Members.TryGetValue(m.Key, out var before) && !before.AsSpan().SequenceEqual(m.Value))
            .Select(m => m.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        Phase("diff");
        var summary = new ChangeSummary(current.Members.Count, entered.Count, exited.Count, entitiesEntered.Count, entitiesExited.Count, changed.Count);
        var context = new AudienceEventContext(key, version, runId, started);
        var run = new RunRecord
        {
            RunId = runId,
            AudienceKey = key,
            DefinitionVersion = 1,
            MembershipVersion = version,
            Trigger = RunTrigger.Manual,
            QueuedAt = started,
            StartedAt = started,
            FinishedAt = time.GetUtcNow(),
            AsOf = asOf,
            Status = RunStatus.Succeeded,
            Summary = summary,
        };
        await runs.CommitRunAsync(run, EventsAsync(cancellationToken), cancellationToken);
        Phase("commit");
        await state.SaveAsync(key, current, cancellationToken);
        Phase("save");
        LastPhases = string.Join(", ", phases);
        return summary;

        async IAsyncEnumerable<AudienceEvent> EventsAsync([EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            foreach (var member in entered)
            {
                yield return AudienceEvents.MembershipChanged(context, member, member, isMember: true);
                yield return AudienceEvents.Entered(context, member, member);
            }

            foreach (var row in entitiesEntered)
            {
                yield return AudienceEvents.EntityEntered(context, Change(row, current.Entities[row]));
            }

            foreach (var member in changed)
            {
                yield return AudienceEvents.ValuesChanged(context, member, member, values.Of(member));
            }

            foreach (var row in entitiesExited)
            {
                yield return AudienceEvents.EntityExited(context, Change(row, previous.Entities[row]));
            }

            foreach (var member in exited)
            {
                yield return AudienceEvents.Exited(context, member, member);
                yield return AudienceEvents.MembershipChanged(context, member, member, isMember: false);
            }
        }
    }

    private static EntityChange Change(EntityRow row, string? parent) => new(row.Member, row.Member, row.Branch, row.Entity, row.Key, parent);

    /// <summary>Two queries: members with their traits, and matched entity rows with their enriched columns.</summary>
    private async Task<(MembershipState State, CurrentValues Values)> PullAsync(
        CompiledAudience compiled, Enrichment enrichment, Action<string> phase, CancellationToken cancellationToken)
    {
        var dialect = warehouse.Dialect;
        var profile = graph.Profile;
        var traitColumns = enrichment.Traits.Select((t, i) => TraitSql(dialect, profile, t) + " AS t" + i.ToString(CultureInfo.InvariantCulture));
        var membersSql = $"""
            SELECT {string.Join(", ", ["m.member_key", .. traitColumns])}
            FROM ({compiled.Members.Sql}) AS m
            LEFT JOIN {dialect.QuoteTable(profile.Schema, profile.Table)} AS ep ON ep.{dialect.QuoteIdentifier(profile.IdColumn)} = m.member_key
            """;

        var values = new CurrentValues(enrichment);
        var current = new MembershipState();
        await foreach (var row in warehouse.QueryAsync(new SqlQuery(membersSql, compiled.Members.Parameters), cancellationToken))
        {
            if (row[0] is null)
            {
                continue;
            }

            var member = Text(row[0])!;
            values.Traits[member] = row[1..];
        }

        phase("pull members");
        var joins = new List<string>();
        var columns = new List<string> { "x.member_key", "x.branch", "x.entity", "x.entity_key", "x.parent_key" };
        for (var i = 0; i < enrichment.Entities.Count; i++)
        {
            var (entity, entityColumns) = enrichment.Entities[i];
            var alias = "e" + i.ToString(CultureInfo.InvariantCulture);
            // Both join conditions are equalities (the entity name as a column, not a filter on x in ON), so the
            // join stays a hash join: a condition on the left side alone makes DuckDB fall back to a nested loop.
            var selected = string.Join(", ", [
                $"'{entity.Name}' AS entity",
                dialect.CastToText("t." + dialect.QuoteIdentifier(entity.PrimaryKey)) + " AS entity_key",
                .. entityColumns.Select((c, j) => $"t.{dialect.QuoteIdentifier(c)} AS c{j.ToString(CultureInfo.InvariantCulture)}"),
            ]);
            joins.Add($"LEFT JOIN (SELECT {selected} FROM {dialect.QuoteTable(entity.Schema, entity.Table)} AS t) AS {alias} ON {alias}.entity = x.entity AND {alias}.entity_key = x.entity_key");
            columns.AddRange(entityColumns.Select((_, j) => $"{alias}.c{j.ToString(CultureInfo.InvariantCulture)}"));
        }

        var entitiesSql = $"""
            SELECT {string.Join(", ", columns)}
            FROM ({compiled.MatchedEntities.Sql}) AS x
            {string.Join("\n", joins)}
            WHERE x.member_key IS NOT NULL AND x.entity_key IS NOT NULL
            """;
        await foreach (var row in warehouse.QueryAsync(new SqlQuery(entitiesSql, compiled.MatchedEntities.Parameters), cancellationToken))
        {
            var entityRow = new EntityRow(Text(row[0])!, Text(row[1])!, Text(row[2])!, Text(row[3])!);
            if (!values.Traits.ContainsKey(entityRow.Member))
            {
                continue;
            }

            var parent = Text(row[4]);
            if (!current.Entities.TryGetValue(entityRow, out var seen) || (parent is not null && (seen is null || string.CompareOrdinal(parent, seen) < 0)))
            {
                current.Entities[entityRow] = parent;
            }

            values.AddEntityRow(entityRow, row);
        }

        phase("pull entities");
        foreach (var member in values.Traits.Keys)
        {
            current.Members[member] = values.Hash(member);
        }

        phase("hash");

        return (current, values);
    }

    private static string TraitSql(SqlDialect dialect, ProfileSource profile, TraitDefinition trait) =>
        trait.Column is { } column
            ? "ep." + dialect.QuoteIdentifier(column)
            : dialect.JsonValue("ep." + dialect.QuoteIdentifier(profile.TraitsColumn!), trait.PathSegments, trait.Type);

    private static string? Text(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);

    /// <summary>The enrichment spec resolved against the graph (no checks beyond the names: the runner makes them).</summary>
    private sealed record Enrichment(IReadOnlyList<TraitDefinition> Traits, IReadOnlyList<(EntityDefinition Entity, IReadOnlyList<string> Columns)> Entities)
    {
        public static Enrichment Resolve(EnrichmentSpec spec, DataGraph graph) => new(
            [.. spec.Traits.Select(t => graph.FindTrait(t) ?? throw new ArgumentException($"Unknown trait {t}."))],
            [.. spec.Entities.Select(e => (graph.FindEntity(e.Entity) ?? throw new ArgumentException($"Unknown entity {e.Entity}."), e.Columns))]);
    }

    /// <summary>The current values of every member, for the hash and for the values-changed events.</summary>
    private sealed class CurrentValues(Enrichment enrichment)
    {
        // Per member and enriched entity: entity key → column values (each row once, whatever branch matched it).
        private readonly Dictionary<string, SortedDictionary<string, object?[]>[]> _rows = new(StringComparer.Ordinal);

        public Dictionary<string, object?[]> Traits { get; } = new(StringComparer.Ordinal);

        public void AddEntityRow(EntityRow row, object?[] values)
        {
            var offset = 5;
            for (var i = 0; i < enrichment.Entities.Count; i++)
            {
                var (entity, columns) = enrichment.Entities[i];
                if (string.Equals(entity.Name, row.Entity, StringComparison.Ordinal))
                {
                    if (!_rows.TryGetValue(row.Member, out var perEntity))
                    {
                        perEntity = [.. enrichment.Entities.Select(_ => new SortedDictionary<string, object?[]>(StringComparer.Ordinal))];
                        _rows[row.Member] = perEntity;
                    }

                    perEntity[i].TryAdd(row.Key, values[offset..(offset + columns.Count)]);
                    return;
                }

                offset += columns.Count;
            }
        }

        /// <summary>SHA-256 of "length:text" per value ("-" for null), traits then each entity's rows in key order.</summary>
        public byte[] Hash(string member)
        {
            var text = new StringBuilder();
            foreach (var value in Traits[member])
            {
                Canonical(text, value);
            }

            if (_rows.TryGetValue(member, out var perEntity))
            {
                foreach (var rows in perEntity)
                {
                    text.Append('|');
                    foreach (var (key, columns) in rows)
                    {
                        Canonical(text, key);
                        foreach (var value in columns)
                        {
                            Canonical(text, value);
                        }
                    }
                }
            }

            return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        }

        public EnrichmentValues Of(string member)
        {
            var traits = Traits[member];
            var perEntity = _rows.GetValueOrDefault(member);
            return new EnrichmentValues(
                [.. enrichment.Traits.Select((t, i) => new NamedValue(t.Name, traits[i]))],
                [.. enrichment.Entities.Select((e, i) => new EntityValues(e.Entity.Name, perEntity is null ? [] :
                    [.. perEntity[i].Select(r => new EntityValueRow(r.Key, [.. e.Columns.Select((c, j) => new NamedValue(c, r.Value[j]))]))]))]);
        }

        private static void Canonical(StringBuilder text, object? value)
        {
            if (value is null or DBNull)
            {
                text.Append('-');
                return;
            }

            var s = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            text.Append(s.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(s);
        }
    }
}
