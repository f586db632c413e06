namespace LinkedAudiences.Core.Tests.Oracle;

/// <summary>Wraps condition JSON into audience definition JSON, so tests show the conditions as the builder stores them.</summary>
internal static class Audiences
{
    /// <summary>A profile audience of one AND group.</summary>
    public static string AllOf(params string[] conditions) =>
        "{ \"groups\": [ { \"operator\": \"and\", \"conditions\": [ " + string.Join(", ", conditions) + " ] } ] }";

    /// <summary>A profile audience of one OR group.</summary>
    public static string AnyOf(params string[] conditions) =>
        "{ \"groups\": [ { \"operator\": \"or\", \"conditions\": [ " + string.Join(", ", conditions) + " ] } ] }";
}
