namespace LinkedAudiences.Core.Validation;

/// <summary>The stable rule codes of <see cref="ValidationError.Rule"/>.</summary>
public static class ValidationRules
{
    // Reading
    public const string InvalidJson = "invalid-json";
    public const string UnsupportedSchemaVersion = "unsupported-schema-version";

    // Data graph structure
    public const string EmptyName = "empty-name";
    public const string DuplicateName = "duplicate-name";
    public const string ReservedName = "reserved-name";
    public const string TraitSource = "trait-source";
    public const string MissingTraitsColumn = "missing-traits-column";
    public const string InvalidTraitPath = "invalid-trait-path";
    public const string MissingContextColumn = "missing-context-column";
    public const string RelationshipLink = "relationship-link";

    // Data graph against the warehouse
    public const string UnknownTable = "unknown-table";
    public const string AmbiguousTable = "ambiguous-table";
    public const string ColumnTypeMismatch = "column-type-mismatch";

    // Shared by graphs and definitions
    public const string UnknownEntity = "unknown-entity";
    public const string UnknownColumn = "unknown-column";

    // Audience definitions
    public const string NoGroups = "no-groups";
    public const string EmptyGroup = "empty-group";
    public const string InvalidTarget = "invalid-target";
    public const string UnknownRelationship = "unknown-relationship";
    public const string AmbiguousRelationship = "ambiguous-relationship";
    public const string NoRelationship = "no-relationship";
    public const string UnknownTrait = "unknown-trait";
    public const string UnknownEventProperty = "unknown-event-property";
    public const string NoEventSource = "no-event-source";
    public const string OperatorNotAllowed = "operator-not-allowed";
    public const string MissingValue = "missing-value";
    public const string ValueAndRef = "value-and-ref";
    public const string ValueTypeMismatch = "value-type-mismatch";
    public const string InvalidReference = "invalid-reference";
    public const string ReferenceTypeMismatch = "reference-type-mismatch";
    public const string ReferenceOutOfScope = "reference-out-of-scope";
    public const string ReferenceOperatorNotAllowed = "reference-operator-not-allowed";
    public const string DepthExceeded = "depth-exceeded";
    public const string InvalidCount = "invalid-count";
    public const string ZeroCountWithFilters = "zero-count-with-filters";
    public const string InvalidAggregate = "invalid-aggregate";
    public const string InvalidWindow = "invalid-window";
    public const string EntityTargetMissing = "entity-target-missing";
    public const string EntityTargetOperator = "entity-target-operator";
    public const string PartOfAudienceEntityTarget = "part-of-audience-entity-target";
    public const string UnknownAudience = "unknown-audience";
    public const string AudienceCycle = "audience-cycle";
    public const string AudienceTargetMismatch = "audience-target-mismatch";
}
