using System.Globalization;
using System.Text.Json;

namespace LinkedAudiences.Core.Validation;

/// <summary>Finds the element at a JSONPath of the simple form System.Text.Json reports: $.a.b[0]['c d'].</summary>
internal static class JsonPathLookup
{
    public static JsonElement? Find(JsonElement root, string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                if (!TryProperty(ref current, path[(i + 1)..end]))
                {
                    return null;
                }

                i = end;
            }
            else if (path.AsSpan(i).StartsWith("['", StringComparison.Ordinal))
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0 || !TryProperty(ref current, path[(i + 2)..end]))
                {
                    return null;
                }

                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0
                    || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || current.ValueKind != JsonValueKind.Array
                    || index >= current.GetArrayLength())
                {
                    return null;
                }

                current = current[index];
                i = end + 1;
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static bool TryProperty(ref JsonElement current, string name)
    {
        if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out var next))
        {
            return false;
        }

        current = next;
        return true;
    }
}
