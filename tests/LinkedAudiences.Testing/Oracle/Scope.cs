using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>
/// The branch chain an entity condition is evaluated in: the profile, then one row per enclosing entity condition,
/// innermost last. Rule 5 reads dynamic references from it (self first, then parent, grandparent...).
/// </summary>
internal sealed class Scope
{
    private Scope(ProfileRow profile, EntityRow? row, Scope? parent)
    {
        Profile = profile;
        Row = row;
        Parent = parent;
    }

    public static Scope Of(ProfileRow profile) => new(profile, null, null);

    public ProfileRow Profile { get; }

    /// <summary>The entity row of this level; null at the profile level.</summary>
    public EntityRow? Row { get; }

    public Scope? Parent { get; }

    /// <summary>The graph node relationships leave from: "profile" or the entity name.</summary>
    public string Node => Row?.Entity.Name ?? DataGraph.ProfileNode;

    /// <summary>The key a matched child reports as its parent_key (rule 11).</summary>
    public string Key => Row?.Key ?? Profile.Key!;

    public Scope Push(EntityRow row) => new(Profile, row, this);

    /// <summary>Rule 5: the nearest row of <paramref name="entity"/> in the chain, this level first.</summary>
    public EntityRow? Nearest(string entity)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.Row is not null && string.Equals(s.Row.Entity.Name, entity, StringComparison.Ordinal))
            {
                return s.Row;
            }
        }

        return null;
    }
}
