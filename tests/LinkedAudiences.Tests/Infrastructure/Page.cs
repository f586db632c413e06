using System.Net;
using System.Text.RegularExpressions;

namespace LinkedAudiences.Tests.Infrastructure;

/// <summary>A response as a test reads it: status, redirect target, body, and the errors shown next to fields.</summary>
public sealed partial record Page(HttpStatusCode Status, string? Location, string Body)
{
    public static async Task<Page> ReadAsync(HttpResponseMessage response) =>
        new(response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());

    /// <summary>The messages rendered for one field (by its form name, e.g. "LinkedAudiencePart.Definition").</summary>
    public IReadOnlyList<string> FieldErrors(string field)
    {
        var messages = new List<string>();
        foreach (Match m in FieldErrorPattern().Matches(Body))
        {
            if (m.Groups["field"].Value == field)
            {
                messages.Add(WebUtility.HtmlDecode(m.Groups["message"].Value).Trim());
            }
        }

        return messages;
    }

    /// <summary>The content item id in a redirect to its editor (/Admin/Contents/ContentItems/{id}/Edit).</summary>
    public string EditedItemId()
    {
        var match = EditLocationPattern().Match(Location ?? string.Empty);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"Not a redirect to an editor: {(int)Status} {Location}");
    }

    [GeneratedRegex("<li data-la-error-for=\"(?<field>[^\"]+)\">(?<message>.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex FieldErrorPattern();

    [GeneratedRegex("/Admin/Contents/ContentItems/([^/]+)/Edit")]
    private static partial Regex EditLocationPattern();
}
