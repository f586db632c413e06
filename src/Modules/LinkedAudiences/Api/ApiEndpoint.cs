using Microsoft.AspNetCore.Http;
using OrchardCore.Security.Permissions;

namespace LinkedAudiences.Api;

/// <summary>One endpoint of the JSON API: what it answers, who may call it, and whether it needs the anti-forgery header.</summary>
/// <param name="Path">Relative to <see cref="LinkedAudiencesApi.Prefix"/>; route values in braces.</param>
/// <param name="Body">The request body's description for the OpenAPI document; null when the endpoint takes none (or says so itself).</param>
/// <param name="Mutating">True: a cookie-authenticated caller must send the RequestVerificationToken header (CSRF).</param>
public sealed record ApiEndpoint(
    string Method,
    string Path,
    Permission? Permission,
    bool Mutating,
    string Summary,
    Func<HttpContext, Task<IResult>> Handle,
    string? Body = null);
