using LinkedAudiences.Core.State;
using LinkedAudiences.Core.Validation;

namespace LinkedAudiences.Core.Lifecycle;

/// <summary>The lifecycle's definition check for hosts that keep graphs and audiences in an <see cref="IAudienceStore"/>.</summary>
public static class StoredAudienceValidation
{
    /// <summary>The rule of the error reported when the settings name a graph the store does not have.</summary>
    public const string UnknownGraphRule = "graph-unknown";

    /// <summary>
    /// Validates against the latest version of the graph the settings name, with part-of-audience references resolved
    /// through the store.
    /// </summary>
    public static AudienceDefinitionValidator For(IAudienceStore audiences)
    {
        ArgumentNullException.ThrowIfNull(audiences);
        var catalog = new StoredAudienceCatalog(audiences);
        return async (key, definition, settings, cancellationToken) =>
        {
            var graph = await audiences.GetGraphAsync(settings.GraphKey, null, cancellationToken);
            return graph is null
                ? new ValidationResult([new ValidationError("$.settings.graphKey", UnknownGraphRule, $"There is no data graph '{settings.GraphKey}' in the store.")])
                : await AudienceValidator.ValidateAsync(graph.Graph, definition, catalog, key, cancellationToken);
        };
    }
}
