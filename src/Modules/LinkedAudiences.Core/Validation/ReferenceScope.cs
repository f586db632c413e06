using LinkedAudiences.Core.Graph;

namespace LinkedAudiences.Core.Validation;

/// <summary>
/// What a dynamic reference may read where it appears: profile traits always; entity columns only inside entity
/// conditions, and only of the entities of the current branch at the same level or above (nearest first).
/// </summary>
internal sealed record ReferenceScope(IReadOnlyList<EntityDefinition> Branch, string? NoEntitiesReason)
{
    public static ReferenceScope TraitCondition { get; } = new([], "a trait condition");

    public static ReferenceScope EventCondition { get; } = new([], "an event condition");

    public static ReferenceScope ForBranch(IReadOnlyList<EntityDefinition> branch) => new(branch, null);

    public bool AllowsEntities => NoEntitiesReason is null;
}
