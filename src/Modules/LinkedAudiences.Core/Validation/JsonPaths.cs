using System.Globalization;

namespace LinkedAudiences.Core.Validation;

/// <summary>Builds the JSONPath of an error the way System.Text.Json spells its own paths.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Prop(this string path, string name) => path + "." + name;

    public static string At(this string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
