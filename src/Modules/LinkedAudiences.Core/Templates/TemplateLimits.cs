namespace LinkedAudiences.Core.Templates;

/// <summary>What one render may do at most (templates are user input).</summary>
public sealed record TemplateLimits
{
    /// <summary>Statements executed per render (loops included); default 10 000.</summary>
    public int MaxSteps { get; init; } = 10_000;

    /// <summary>Nesting of includes and blocks; default 20.</summary>
    public int MaxRecursion { get; init; } = 20;

    /// <summary>Characters of output; default 256 KiB.</summary>
    public int MaxOutputLength { get; init; } = 256 * 1024;

    /// <summary>Templates kept parsed; default 256.</summary>
    public int CacheSize { get; init; } = 256;
}
