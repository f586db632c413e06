using LinkedAudiences.Core.Definitions;

namespace LinkedAudiences.Testing.Oracle;

/// <summary>Part of / not part of audience: briefing rule 8 and SEMANTICS 9.</summary>
public sealed partial class ReferenceEvaluator
{
    private bool AudienceConditionHolds(AudienceCondition condition, ProfileRow profile, Evaluation evaluation) =>
        condition.Mode switch
        {
            AudienceReferenceMode.Import => ImportedMembers(condition.Audience, evaluation).Contains(profile.Key!),
            // No stored membership yet reads like an empty membership table: nobody is part of it.
            AudienceReferenceMode.Membership => evaluation.StoredMemberships.TryGetValue(condition.Audience, out var stored)
                && stored.Contains(profile.Key!),
            _ => throw new InvalidOperationException($"Unknown audience reference mode {condition.Mode}."),
        };

    /// <summary>The imported definition evaluated at the same as-of time (and with the same imports), once per evaluation.</summary>
    private IReadOnlySet<string> ImportedMembers(string key, Evaluation evaluation)
    {
        if (evaluation.ImportedMembers.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var definition = evaluation.Imports.TryGetValue(key, out var found)
            ? found
            : throw new InvalidOperationException($"The imported audience {key} is not in the imports.");
        if (definition.Target.Type != TargetType.Profile)
        {
            throw new InvalidOperationException($"The imported audience {key} targets entities; part of audience needs profiles.");
        }

        if (!evaluation.Importing.Add(key))
        {
            throw new InvalidOperationException($"The audience {key} imports itself.");
        }

        var members = ProfileMembers(definition, evaluation);
        evaluation.Importing.Remove(key);
        evaluation.ImportedMembers[key] = members;
        return members;
    }
}
