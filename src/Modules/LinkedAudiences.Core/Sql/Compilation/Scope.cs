using System.Collections.Immutable;

namespace LinkedAudiences.Core.Sql.Compilation;

/// <summary>
/// The aliases visible where an expression is compiled: the profile row, the entity rows of the current branch by
/// depth (index 0 = depth 1), and the event row inside an event condition. Dynamic references resolve through it.
/// </summary>
internal sealed record Scope(string Profile, ImmutableList<string> Entities, string? Event = null)
{
    public static Scope ForProfile(string alias) => new(alias, []);

    public string Entity(int depth) => depth >= 1 && depth <= Entities.Count
        ? Entities[depth - 1]
        : throw new InvalidOperationException($"No entity row at depth {depth} is in scope here.");

    /// <summary>The alias of the deepest entity row, or the profile's at the top.</summary>
    public string Parent => Entities.Count == 0 ? Profile : Entities[^1];

    public Scope Enter(string entityAlias) => this with { Entities = Entities.Add(entityAlias) };
}
