using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using LinkedAudiences.Core.Templates;
using Microsoft.AspNetCore.Http;
using OrchardCore.Liquid;

namespace LinkedAudiences.Services.Activations;

/// <summary>
/// Mapping templates rendered by the site's own Liquid (Orchard's <see cref="ILiquidTemplateManager"/>): the editor's
/// live preview and delivery use this one renderer, so what the preview shows is what is sent, with the site's filters.
/// Limits kept per render, without touching the tenant's shared Liquid options: output length, and a time budget
/// checked whenever the template writes (a loop that writes nothing is bounded only by the site's own
/// <c>TemplateOptions.MaxSteps</c>). Errors come back as <see cref="TemplateError"/> with Fluid's line and column.
/// </summary>
public sealed partial class OrchardLiquidTemplateRenderer(
    ILiquidTemplateManager liquid,
    TemplateOptions options,
    IHttpContextAccessor? httpContextAccessor = null,
    IServiceProvider? services = null,
    TemplateLimits? limits = null,
    TimeSpan? budget = null)
    : ITemplateRenderer
{
    private readonly TemplateLimits _limits = limits ?? new TemplateLimits();
    private readonly TimeSpan _budget = budget ?? TimeSpan.FromSeconds(2);

    public TemplateParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(Check(source));
    }

    public async Task<TemplateRenderResult> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Check(source) is { } parseError)
        {
            return new TemplateRenderResult(null, parseError);
        }

        var properties = model.Select(p => new KeyValuePair<string, FluidValue>(p.Key, FluidValue.Create(p.Value, options))).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_budget);
        using var writer = new BoundedWriter(_limits.MaxOutputLength, timeout.Token);
        // Orchard's Liquid builds its scope from the current HttpContext. Orchard's own background service gives its
        // tasks one; a tick run another way (a test, a host's own loop) has none, so one stands in for the render.
        var standIn = httpContextAccessor is { HttpContext: null } && services is not null;
        if (standIn)
        {
            httpContextAccessor!.HttpContext = new DefaultHttpContext { RequestServices = services! };
        }

        try
        {
            await liquid.RenderAsync(source, writer, NullEncoder.Default, null!, properties);
            return new TemplateRenderResult(writer.ToString(), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TemplateRenderResult(null, new TemplateError($"The template ran longer than {_budget.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s."));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a user template does wrong (limits, filter arguments, conversions) is its error, not ours.
            return new TemplateRenderResult(null, new TemplateError(e.Message));
        }
        finally
        {
            if (standIn)
            {
                httpContextAccessor!.HttpContext = null;
            }
        }
    }

    private TemplateError? Check(string source)
    {
        if (liquid.Validate(source, out var errors))
        {
            return null;
        }

        var message = string.Join(" ", errors ?? []);
        if (message.Length == 0)
        {
            message = "The template does not parse.";
        }

        var match = Position().Match(message);
        return match.Success
            ? new TemplateError(message, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : new TemplateError(message);
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
