using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// Part-of-audience conditions: the audience exists, targets profiles, and no chain of references — walked through the
/// catalogue, whatever the mode — leads back to an audience already on the chain (importing would never end, and a
/// membership that depends on itself has no meaning). The definition being validated stands in for its own key:
/// the catalogue may still hold its previous version.
/// </summary>
internal sealed class AudienceReferenceRules(IAudienceCatalog catalog, string? audienceKey)
{
    private readonly Dictionary<string, AudienceDefinition?> _loaded = new(StringComparer.Ordinal);
    private readonly HashSet<string> _acyclic = new(StringComparer.Ordinal);

    public async Task CheckAsync(AudienceCondition condition, string path, ValidationErrorList errors, CancellationToken cancellationToken)
    {
        var key = condition.Audience;
        var at = path.Prop("audience");
        if (string.IsNullOrEmpty(key))
        {
            errors.Add(at, ValidationRules.UnknownAudience, "An audience condition must name an audience ('audience').");
            return;
        }

        if (string.Equals(key, audienceKey, StringComparison.Ordinal))
        {
            errors.Add(at, ValidationRules.AudienceCycle, $"An audience cannot reference itself: {key} → {key}.");
            return;
        }

        var referenced = await LoadAsync(key, cancellationToken);
        if (referenced is null)
        {
            errors.Add(at, ValidationRules.UnknownAudience, $"Audience '{key}' does not exist.");
            return;
        }

        if (referenced.Target is { Type: TargetType.Entity } target)
        {
            errors.Add(at, ValidationRules.AudienceTargetMismatch,
                $"Audience '{key}' targets entities ('{target.Entity}'); only audiences of profiles can be referenced.");
        }

        var cycle = await FindCycleAsync([audienceKey ?? "this audience", key], cancellationToken);
        if (cycle is not null)
        {
            errors.Add(at, ValidationRules.AudienceCycle, $"Audience references form a cycle: {string.Join(" → ", cycle)}.");
        }
    }

    /// <summary>Depth-first from the last key of <paramref name="chain"/>; returns the chain closed by the first repeat.</summary>
    private async Task<List<string>?> FindCycleAsync(List<string> chain, CancellationToken cancellationToken)
    {
        var key = chain[^1];
        if (_acyclic.Contains(key) || await LoadAsync(key, cancellationToken) is not { } definition)
        {
            return null;
        }

        foreach (var next in References(definition))
        {
            // chain[0] is the audience being validated; it is only "on the chain" when it has a key.
            var onChain = string.Equals(next, audienceKey, StringComparison.Ordinal) || chain.Skip(1).Contains(next, StringComparer.Ordinal);
            if (onChain)
            {
                return [.. chain, next];
            }

            if (await FindCycleAsync([.. chain, next], cancellationToken) is { } cycle)
            {
                return cycle;
            }
        }

        _acyclic.Add(key);
        return null;
    }

    private async Task<AudienceDefinition?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue(key, out var definition))
        {
            definition = await catalog.FindAsync(key, cancellationToken);
            _loaded[key] = definition;
        }

        return definition;
    }

    private static IEnumerable<string> References(AudienceDefinition definition) =>
        (definition.Groups ?? [])
            .SelectMany(g => g?.Conditions ?? [])
            .OfType<AudienceCondition>()
            .Select(c => c.Audience)
            .Where(k => !string.IsNullOrEmpty(k))
            .Distinct(StringComparer.Ordinal);
}
