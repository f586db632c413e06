using System.Globalization;
using System.Text;
using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Serialization;
using LinkedAudiences.Core.Warehouses;

namespace LinkedAudiences.Testing.Generation;

/// <summary>
/// A random valid definition with what its part-of-audience conditions need: the definitions it imports (by key) and the
/// stored memberships it reads. <see cref="Seed"/> regenerates exactly this case with <see cref="RandomDefinitionGenerator.Generate"/>.
/// </summary>
public sealed class GeneratedCase
{
    /// <summary>The warehouse table membership-mode conditions read (briefing rule 8).</summary>
    public static readonly TableSchema MembershipTable = new(
        "linked_audiences",
        "audience_membership",
        [new ColumnSchema("audience_key", WarehouseColumnType.Varchar), new ColumnSchema("member_key", WarehouseColumnType.Varchar)]);

    public required AudienceDefinition Definition { get; init; }

    /// <summary>
    /// Every audience the definition references, by key: import-mode ones are evaluated from here; membership-mode ones are here
    /// too so that the reference resolves (validators require the audience to exist), their stored set is in <see cref="Memberships"/>.
    /// </summary>
    public Dictionary<string, AudienceDefinition> Imports { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The referenced audiences as a catalogue (for validators and compilers).</summary>
    public IAudienceCatalog Catalog => new InMemoryAudienceCatalog(Imports);

    /// <summary>The last stored membership of each membership-mode audience; it may name profiles that no longer exist.</summary>
    public Dictionary<string, IReadOnlySet<string>> Memberships { get; init; } = new(StringComparer.Ordinal);

    public int Seed { get; init; }

    /// <summary>Rows (audience_key, member_key) of <see cref="MembershipTable"/> holding <see cref="Memberships"/>, in a stable order.</summary>
    public IEnumerable<object?[]> MembershipRows() =>
        from audience in Memberships.OrderBy(m => m.Key, StringComparer.Ordinal)
        from member in audience.Value.Order(StringComparer.Ordinal)
        select new object?[] { audience.Key, member };

    /// <summary>Everything needed to read a failing case: seed, definition JSON, imports and stored memberships.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Generated case, seed {Seed}:").AppendLine();
        text.AppendLine(LinkedAudiencesJson.Serialize(Definition));
        foreach (var (key, imported) in Imports.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var role = Memberships.ContainsKey(key) ? "membership-mode" : "imported";
            text.Append(CultureInfo.InvariantCulture, $"Audience \"{key}\" ({role}):").AppendLine();
            text.AppendLine(LinkedAudiencesJson.Serialize(imported));
        }

        foreach (var (key, members) in Memberships.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"Stored membership \"{key}\" ({members.Count}): ")
                .AppendJoin(", ", members.Order(StringComparer.Ordinal))
                .AppendLine();
        }

        return text.ToString();
    }

    public override string ToString() => Describe();
}
