namespace LinkedAudiences.Core.Activations;

/// <summary>The stable rule codes of activation validation errors.</summary>
public static class ActivationRules
{
    public const string Required = "required";
    public const string TriggerEntityRequired = "trigger-entity-required";
    public const string TriggerEntityNotAllowed = "trigger-entity-not-allowed";
    public const string TriggerEntityNotInDefinition = "trigger-entity-not-in-definition";
    public const string SendExistingNotAllowed = "send-existing-not-allowed";
    public const string UnknownTrait = "unknown-trait";
    public const string UnknownEntity = "unknown-entity";
    public const string EntityNotInDefinition = "entity-not-in-definition";
    public const string UnknownColumn = "unknown-column";
    public const string InvalidUrl = "invalid-url";
    public const string InvalidAction = "invalid-action";
    public const string InvalidPolicy = "invalid-policy";
    public const string InvalidTemplate = "invalid-template";
    public const string IdentifierTrait = "identifier-trait";
}
