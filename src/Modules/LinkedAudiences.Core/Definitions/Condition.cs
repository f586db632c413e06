using System.Text.Json.Serialization;

namespace LinkedAudiences.Core.Definitions;

/// <summary>
/// One filter of a condition group. <see cref="Negate"/> turns "with" into "without" (and "part of" into
/// "not part of"); it negates the whole condition with everything nested in it (SEMANTICS.md 6).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(EntityCondition), "entity")]
[JsonDerivedType(typeof(TraitCondition), "trait")]
[JsonDerivedType(typeof(EventCondition), "event")]
[JsonDerivedType(typeof(AudienceCondition), "audience")]
public abstract record Condition
{
    public bool Negate { get; init; }
}
