using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Testing.Generation;

/// <summary>Trait, event and part-of-audience conditions.</summary>
internal sealed partial class CaseBuilder
{
    private TraitCondition TraitCondition()
    {
        var trait = Pick(Graph.Profile.Traits);
        if (Chance(0.15))
        {
            // No operator: "with trait" = the trait is present.
            return new TraitCondition { Trait = trait.Name };
        }

        var op = Pick(Operators(trait.Type));
        var references = TraitReferences(trait.Type, except: trait.Name);
        return references.Count > 0 && Chance(0.15)
            ? new TraitCondition { Trait = trait.Name, Operator = op, Ref = Pick(references) }
            : new TraitCondition { Trait = trait.Name, Operator = op, Value = Constants.Make(random, trait.Type, op, Sampler.Trait(random, trait)) };
    }

    private EventCondition EventCondition()
    {
        var name = Pick(Sampler.EventNames);
        if (Chance(0.05))
        {
            // Event names are case-sensitive: the lower-cased name of a real event matches none.
            name = name.ToLowerInvariant() is var lower && !string.Equals(lower, name, StringComparison.Ordinal) ? lower : "Never Happened";
        }

        var count = Chance(0.3) ? RandomCount() : null;
        var bare = count is { Value: 0 };
        return new EventCondition
        {
            Event = name,
            Where = !bare && Chance(0.4) ? EventWhere(name) : null,
            Window = !bare && Chance(0.4) ? EventWindow(name) : null,
            Count = count,
        };
    }

    private PropertyFilterGroup? EventWhere(string eventName)
    {
        var events = Graph.Events!;
        var properties = events.Properties.Select(p => (Name: p.Name, Definition: p, IsContext: false))
            .Concat(events.Context.Select(p => (Name: EventSource.ContextPrefix + p.Name, Definition: p, IsContext: true)))
            .ToList();
        if (properties.Count == 0)
        {
            return null;
        }

        var filters = new List<PropertyFilter>();
        for (var n = Few(2); n > 0; n--)
        {
            var (name, definition, isContext) = Pick(properties);
            var op = Pick(Operators(definition.Type));
            var references = TraitReferences(definition.Type, except: null);
            filters.Add(references.Count > 0 && Chance(0.1)
                ? new PropertyFilter { Property = name, Operator = op, Ref = Pick(references) }
                : new PropertyFilter
                {
                    Property = name,
                    Operator = op,
                    Value = Constants.Make(random, definition.Type, op, Sampler.EventProperty(random, eventName, definition, isContext)),
                });
        }

        return new PropertyFilterGroup { Operator = AnyOperator(), Filters = filters };
    }

    private EventWindow EventWindow(string eventName)
    {
        if (Chance(0.6))
        {
            return new EventWindow { WithinLastDays = WindowDays() };
        }

        // Between dates around a day that has such an event; sometimes a single day (from = to).
        var day = Sampler.EventTimestamp(random, eventName) is { } ts ? DateOnly.FromDateTime(ts) : new DateOnly(2026, 1, 1);
        return new EventWindow { From = day.AddDays(-random.Next(0, 45)), To = day.AddDays(random.Next(0, 45)) };
    }

    /// <summary>Part of audience: import a small generated definition, or read a generated stored membership.</summary>
    private AudienceCondition AudienceCondition()
    {
        var n = _audienceReferences++;
        if (Chance(0.5))
        {
            var key = $"imported-{seed}-{n}";
            _imports[key] = ProfileDefinition(allowAudiences: false, maxGroups: 2, maxConditions: 2, maxDepth: 3);
            return new AudienceCondition { Audience = key, Mode = AudienceReferenceMode.Import };
        }

        var storedKey = $"stored-{seed}-{n}";
        // The referenced audience must exist for the reference to be valid; its last stored membership is what is read.
        _imports[storedKey] = ProfileDefinition(allowAudiences: false, maxGroups: 1, maxConditions: 1, maxDepth: 2);
        var share = 0.1 + (random.NextDouble() * 0.5);
        // A stored membership may be stale: it can name a profile that no longer exists.
        var members = Sampler.ProfileKeys.Where(_ => Chance(share)).Append("no-such-profile").ToHashSet(StringComparer.Ordinal);
        _memberships[storedKey] = members;
        return new AudienceCondition { Audience = storedKey, Mode = AudienceReferenceMode.Membership };
    }
}
