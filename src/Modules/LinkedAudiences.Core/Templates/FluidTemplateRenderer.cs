using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;

namespace LinkedAudiences.Core.Templates;

/// <summary>
/// Liquid with Fluid (Orchard Core's engine). The options are built once: no CLR member is reachable except those of
/// the types passed as <c>allowedTypes</c> (the model is plain values, lists and dictionaries), statements and
/// recursion are capped, and output is bounded. Output is not HTML-encoded (templates produce JSON and text).
/// </summary>
public sealed partial class FluidTemplateRenderer : ITemplateRenderer
{
    private static readonly FluidParser Parser = new();
    private readonly TemplateOptions _options;
    private readonly TemplateLimits _limits;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _cache = new(StringComparer.Ordinal);

    public FluidTemplateRenderer(TemplateLimits? limits = null, IEnumerable<Type>? allowedTypes = null)
    {
        _limits = limits ?? new TemplateLimits();
        _options = new TemplateOptions
        {
            MaxSteps = _limits.MaxSteps,
            MaxRecursion = _limits.MaxRecursion,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            MemberAccessStrategy = new DefaultMemberAccessStrategy(),
        };
        foreach (var type in allowedTypes ?? [])
        {
            _options.MemberAccessStrategy.Register(type);
        }
    }

    public TemplateLimits Limits => _limits;

    public TemplateParseResult Parse(string source) => new(TryParse(source, out _));

    public async Task<TemplateRenderResult> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (TryParse(source, out var template) is { } parseError)
        {
            return new TemplateRenderResult(null, parseError);
        }

        var context = new TemplateContext(_options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        using var writer = new BoundedWriter(_limits.MaxOutputLength);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await template!.RenderAsync(writer, NullEncoder.Default, context);
            return new TemplateRenderResult(writer.ToString(), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever a user template does wrong (limits, bad filters arguments, conversions) is its error, not ours.
            return new TemplateRenderResult(null, new TemplateError(e.Message));
        }
    }

    private TemplateError? TryParse(string source, out IFluidTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (_cache.TryGetValue(source, out template))
        {
            return null;
        }

        if (!Parser.TryParse(source, out template, out var error))
        {
            template = null;
            return Locate(error ?? "The template does not parse.");
        }

        if (_cache.Count >= _limits.CacheSize)
        {
            _cache.Clear();
        }

        _cache[source] = template;
        return null;
    }

    /// <summary>Fluid reports positions as "(line:column)" in its messages; they become fields.</summary>
    private static TemplateError Locate(string error)
    {
        var match = Position().Match(error);
        return match.Success
            ? new TemplateError(error, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : new TemplateError(error);
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
