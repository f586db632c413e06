using Microsoft.Playwright;

namespace LinkedAudiences.BrowserTests.Infrastructure;

/// <summary>Keeps a full-page PNG of each screen the tests visit (test artifacts; two are copied into docs/screenshots).</summary>
public static class Screens
{
    public static async Task KeepAsync(IPage page, string name)
    {
        Directory.CreateDirectory(BrowserSite.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSite.ScreenshotFolder, name + ".png"), FullPage = true });
    }
}
