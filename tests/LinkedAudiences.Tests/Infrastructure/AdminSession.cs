using System.Net;
using System.Text.RegularExpressions;

namespace LinkedAudiences.Tests.Infrastructure;

/// <summary>One signed-in (or anonymous) browser: GETs pages and posts their forms with the anti-forgery token.</summary>
public sealed partial class AdminSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public async Task SignInAsync(string userName, string password)
    {
        var page = await GetAsync("/Login");
        using var response = await PostAsync("/Login", Token(page.Body), new()
        {
            ["LoginForm.UserName"] = userName,
            ["LoginForm.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {userName} answered {(int)response.StatusCode}.");
        }
    }

    public async Task<Page> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await Page.ReadAsync(response);
    }

    /// <summary>GETs <paramref name="formPath"/> for a fresh token (tokens are bound to the user), then posts the fields to <paramref name="postPath"/>.</summary>
    public async Task<Page> SubmitAsync(string formPath, string postPath, Dictionary<string, string> fields)
    {
        var form = await GetAsync(formPath);
        if (form.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{formPath} answered {(int)form.Status}.");
        }

        using var response = await PostAsync(postPath, Token(form.Body), fields);
        return await Page.ReadAsync(response);
    }

    public Task<Page> SubmitAsync(string path, Dictionary<string, string> fields) => SubmitAsync(path, path, fields);

    private async Task<HttpResponseMessage> PostAsync(string path, string token, Dictionary<string, string> fields)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        using var content = new FormUrlEncodedContent(all);
        return await Client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException("The page has no anti-forgery token.");
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
