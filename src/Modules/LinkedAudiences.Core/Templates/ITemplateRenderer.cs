namespace LinkedAudiences.Core.Templates;

/// <summary>
/// Renders user-written Liquid templates (payload mappings, enrichment previews). Templates are untrusted input: the
/// implementation limits what they can reach and how much work they may do, and reports every problem as a
/// <see cref="TemplateError"/> instead of throwing.
/// </summary>
public interface ITemplateRenderer
{
    TemplateParseResult Parse(string source);

    /// <param name="model">Top-level values by name: strings, numbers, booleans, nulls, lists and string-keyed dictionaries of them.</param>
    Task<TemplateRenderResult> RenderAsync(string source, IReadOnlyDictionary<string, object?> model, CancellationToken cancellationToken);
}

/// <summary>A template problem; <see cref="Line"/> and <see cref="Column"/> (1-based) where the parser located it.</summary>
public sealed record TemplateError(string Message, int? Line = null, int? Column = null)
{
    public override string ToString() =>
        Line is { } line ? $"line {line}, column {Column}: {Message}" : Message;
}

public sealed record TemplateParseResult(TemplateError? Error)
{
    public bool Succeeded => Error is null;
}

public sealed record TemplateRenderResult(string? Output, TemplateError? Error)
{
    public bool Succeeded => Error is null;
}
