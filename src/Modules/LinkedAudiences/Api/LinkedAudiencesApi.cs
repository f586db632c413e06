using LinkedAudiences.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LinkedAudiences.Api;

/// <summary>
/// The JSON API under <c>/api/linked-audiences</c> (tenant-relative). Every endpoint checks the module's permissions
/// itself (401 anonymous, 403 signed in without the permission); POSTs also validate the anti-forgery token sent in
/// the <c>RequestVerificationToken</c> header, since the API is authenticated by the admin's cookie. The OpenAPI
/// document is generated from the same endpoint list.
/// </summary>
public static class LinkedAudiencesApi
{
    public const string Prefix = "api/linked-audiences";

    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } =
    [
        new("GET", "graphs", LinkedAudiencesPermissions.ViewAudiences, false, "List the published data graphs.", ApiHandlers.ListGraphsAsync),
        new("GET", "graphs/{key}", LinkedAudiencesPermissions.ViewAudiences, false, "Get a published data graph.", ApiHandlers.GetGraphAsync),
        new("POST", "graphs/validate", LinkedAudiencesPermissions.ManageDataGraphs, true,
            "Check a data graph (the body) with the engine and against the warehouse; answers the messages by JSONPath.", GraphHandlers.ValidateAsync),
        new("GET", "audiences", LinkedAudiencesPermissions.ViewAudiences, false, "List the published audiences with their status.", ApiHandlers.ListAudiencesAsync),
        new("GET", "audiences/{key}", LinkedAudiencesPermissions.ViewAudiences, false, "Get a published audience: definition, settings, status.", ApiHandlers.GetAudienceAsync),
        new("POST", "audiences/{key}/validate", LinkedAudiencesPermissions.EditAudiences, true,
            "Validate a definition (the request body, or the published one when empty) against the audience's data graph.", ApiHandlers.ValidateAsync),
        new("POST", "audiences/{key}/preview", LinkedAudiencesPermissions.EditAudiences, true,
            "Preview a definition (the request body, or the published one when empty) in the warehouse: count and sample.", ApiHandlers.PreviewAsync),
        new("POST", "graphs/{key}/preview", LinkedAudiencesPermissions.EditAudiences, true,
            "Preview an unsaved definition (the request body) on a published data graph: count, sample, matched entities, group sizes; ?audience=KEY&asOf=ISO optional.",
            BuilderPreviewHandlers.PreviewAsync),
        new("GET", "graphs/{key}/suggestions", LinkedAudiencesPermissions.ViewAudiences, false,
            "Value suggestions from the warehouse: ?entity=&column= (500 distinct), ?event=&property= or ?trait= (top 65).", SuggestionHandlers.SuggestAsync),
        new("POST", "audiences/{key}/run", LinkedAudiencesPermissions.RunAudiences, true, "Run an enabled audience now; answers the finished run.", ApiHandlers.RunAsync),
        new("GET", "audiences/{key}/runs", LinkedAudiencesPermissions.ViewAudiences, false, "The audience's last 50 runs, newest first.", ApiHandlers.ListRunsAsync),
        new("GET", "audiences/{key}/consumers", LinkedAudiencesPermissions.ViewAudiences, false, "The audiences that reference this one.", ApiHandlers.ListConsumersAsync),
        new("GET", "activations", LinkedAudiencesPermissions.ViewAudiences, false, "List the published activations (secrets only as hasSecret and header names).", ActivationApiHandlers.ListAsync),
        new("POST", "activations", LinkedAudiencesPermissions.ManageActivations, true,
            "Create and publish an activation; 201 with it, 400 with each field, rule and message.", ActivationApiHandlers.CreateAsync, ActivationBody),
        new("GET", "activations/{id}", LinkedAudiencesPermissions.ViewAudiences, false, "Get a published activation by content item id.", ActivationApiHandlers.GetAsync),
        new("PUT", "activations/{id}", LinkedAudiencesPermissions.ManageActivations, true,
            "Replace an activation (a new published version); empty secrets keep the stored ones. 400 with each field, rule and message.", ActivationApiHandlers.UpdateAsync, ActivationBody),
        new("DELETE", "activations/{id}", LinkedAudiencesPermissions.ManageActivations, true, "Delete an activation and its delivery state.", ActivationApiHandlers.DeleteAsync),
        new("POST", "activations/{id}/test-event", LinkedAudiencesPermissions.ManageActivations, true,
            "Send one test event for a user id: exactly what was sent (secrets masked) and what came back. Not recorded as a delivery.",
            ActivationApiHandlers.TestEventAsync, "{\"userId\": \"u0000001\"}"),
        new("GET", "activations/{id}/overview", LinkedAudiencesPermissions.ViewAudiences, false,
            "Delivery overview per event kind: from audience, filtered (why), pending, retrying, failed (last error), dead-lettered, delivered; per bucket. Query: from, to (ISO 8601; default the last 24 h), bucketMinutes (default 60).",
            ActivationApiHandlers.OverviewAsync),
        new("GET", "openapi.json", null, false, "This API's OpenAPI document.", ApiHandlers.OpenApiAsync),
    ];

    private const string ActivationBody =
        "An activation: title, audienceKey, trigger, triggerEntity, action, identifierTrait, enrichmentTraits[], enrichmentEntities[{entity, columns[]}], " +
        "mapping, sendExistingMembers, destinationKind (webhook|cloudevents|segment|warehouse), url, headers{}, secretHeaders{}, secret, clearSecrets, " +
        "signatureHeader, source, schema, table, batchSize, maxConcurrency, ratePerSecond, maxAttempts, initialBackoffSeconds, maxBackoffSeconds, timeoutSeconds, enabled.";

    public static void Map(IEndpointRouteBuilder routes)
    {
        foreach (var endpoint in Endpoints)
        {
            routes.MapMethods(Prefix + "/" + endpoint.Path, [endpoint.Method], context => HandleAsync(context, endpoint))
                .DisableAntiforgery();
        }
    }

    private static async Task HandleAsync(HttpContext context, ApiEndpoint endpoint)
    {
        var result = await AuthorizeAsync(context, endpoint) ?? await endpoint.Handle(context);
        await result.ExecuteAsync(context);
    }

    private static async Task<IResult?> AuthorizeAsync(HttpContext context, ApiEndpoint endpoint)
    {
        if (endpoint.Permission is { } permission)
        {
            var authorization = context.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!await authorization.AuthorizeAsync(context.User, permission))
            {
                return context.User.Identity?.IsAuthenticated == true
                    ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"The permission {permission.Name} is required.")
                    : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in first.");
            }
        }

        if (endpoint.Mutating)
        {
            try
            {
                await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Send the anti-forgery token of an admin page in the RequestVerificationToken header.");
            }
        }

        return null;
    }
}
