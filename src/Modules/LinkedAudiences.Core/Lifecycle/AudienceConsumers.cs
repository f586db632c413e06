using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.State;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>Finds the audiences that reference a given one in a part-of-audience condition, in any group and either mode.</summary>
public static class AudienceConsumers
{
    public static IReadOnlyList<AudienceConsumer> Find(IEnumerable<StoredAudience> audiences, string audienceKey)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(audienceKey);
        var consumers = new List<AudienceConsumer>();
        foreach (var audience in audiences.Where(a => !string.Equals(a.Key, audienceKey, StringComparison.Ordinal)))
        {
            // Part-of-audience conditions only sit at a group's top level (nested conditions are entity conditions).
            var modes = (audience.Definition.Groups ?? [])
                .SelectMany(g => g?.Conditions ?? [])
                .OfType<AudienceCondition>()
                .Where(c => string.Equals(c.Audience, audienceKey, StringComparison.Ordinal))
                .Select(c => c.Mode)
                .Distinct()
                .Order()
                .ToArray();
            if (modes.Length > 0)
            {
                consumers.Add(new AudienceConsumer(audience.Key, audience.Settings.Name, modes));
            }
        }

        return [.. consumers.OrderBy(c => c.Key, StringComparer.Ordinal)];
    }
}
