using LinkedAudiences.Core.Definitions;
using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>
/// Checks a definition before the lifecycle saves it. Hosts bind it to their graph and catalogue, typically
/// <c>AudienceValidator.ValidateAsync(graphOf(settings.GraphKey), definition, catalog, audienceKey, ct)</c>.
/// The lifecycle adds the schedule and the target lock itself.
/// </summary>
public delegate Task<ValidationResult> AudienceDefinitionValidator(
    string audienceKey, AudienceDefinition definition, AudienceSettings settings, CancellationToken cancellationToken);
