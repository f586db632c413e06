using LinkedAudiences.Testing.Oracle;

namespace LinkedAudiences.Testing.Generation;

/// <summary>Evaluates a generated case with the oracle, passing along the case's imports and stored memberships.</summary>
public static class GeneratedCaseEvaluation
{
    public static IReadOnlySet<string> Members(this ReferenceEvaluator evaluator, GeneratedCase generated, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(generated);
        return evaluator.Members(generated.Definition, asOf, generated.Imports, generated.Memberships);
    }

    public static IReadOnlyList<MatchedEntity> MatchedEntities(this ReferenceEvaluator evaluator, GeneratedCase generated, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(generated);
        return evaluator.MatchedEntities(generated.Definition, asOf, generated.Imports, generated.Memberships);
    }
}
