namespace LinkedAudiences.Core.Definitions;

/// <summary>Part of / not part of another audience (profile targets only).</summary>
public sealed record AudienceCondition : Condition
{
    /// <summary>The referenced audience's key in the audience catalogue.</summary>
    public required string Audience { get; init; }

    public AudienceReferenceMode Mode { get; init; } = AudienceReferenceMode.Import;
}

public enum AudienceReferenceMode
{
    /// <summary>Inline the referenced definition, evaluated at the same as-of time (recommended).</summary>
    Import,

    /// <summary>Read the referenced audience's last stored membership.</summary>
    Membership,
}
