using System.CommandLine;

namespace LinkedAudiences.Cli;

/// <summary>Options shared by several verbs; each verb gets its own instances.</summary>
internal static class CommonOptions
{
    public static Option<FileInfo> Graph() => new("--graph")
    {
        Description = "The data graph (JSON, docs/schema/data-graph.schema.json).",
        Required = true,
    };

    public static Option<FileInfo> Audience() => new("--audience")
    {
        Description = "The audience definition (JSON, docs/schema/audience-definition.schema.json).",
        Required = true,
    };

    public static Option<DirectoryInfo?> Audiences() => new("--audiences")
    {
        Description = "Folder of other definitions ({key}.json) for part-of-audience conditions. Default: the audience file's folder.",
    };

    public static Option<string> Warehouse(bool required = true) => new("--warehouse")
    {
        Description = "Where the data lives: duckdb:PATH or postgres:CONNECTION-STRING.",
        Required = required,
    };

    public static Option<string?> AsOf() => new("--as-of")
    {
        Description = "The evaluation time, ISO-8601 UTC (default: now). Relative windows count back from it.",
    };

    public static Option<string> State() => new("--state")
    {
        Description = "The app state store (runs, outbox): sqlite:PATH or postgres:CONNECTION-STRING. Default sqlite:.la/state.db.",
        DefaultValueFactory = _ => "sqlite:.la/state.db",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON instead of text.",
    };
}
