using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Planning;

/// <summary>Collects the definitions a plan needs for its import-mode audience conditions.</summary>
public static class AudienceReferences
{
    /// <summary>
    /// Every audience imported by <paramref name="definition"/>, directly or through other imports, by key.
    /// Keys the catalogue does not know are left out, and a cycle stops the walk: the validator reports both.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, AudienceDefinition>> CollectAsync(
        AudienceDefinition definition, IAudienceCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(catalog);
        var found = new Dictionary<string, AudienceDefinition>(StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(ImportedKeys(definition));
        while (pending.TryDequeue(out var key))
        {
            if (!visited.Add(key))
            {
                continue;
            }

            var imported = await catalog.FindAsync(key, cancellationToken);
            if (imported is null)
            {
                continue;
            }

            found[key] = imported;
            foreach (var next in ImportedKeys(imported))
            {
                pending.Enqueue(next);
            }
        }

        return found;
    }

    /// <summary>Audience conditions only appear at a group's top level (nested conditions are entity conditions).</summary>
    private static IEnumerable<string> ImportedKeys(AudienceDefinition definition) =>
        definition.Groups
            .SelectMany(g => g.Conditions)
            .OfType<AudienceCondition>()
            .Where(a => a.Mode == AudienceReferenceMode.Import)
            .Select(a => a.Audience);
}
