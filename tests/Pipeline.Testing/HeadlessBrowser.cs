using Microsoft.Playwright;

namespace Pipeline.Testing;

/// <summary>
/// Playwright for .NET driving Debian's Chromium (never a downloaded browser), headless, for tests of pages as
/// a person sees them. The browser must be installed (.ci/run installs it); a missing one fails the test.
/// </summary>
public sealed class HeadlessBrowser : IAsyncDisposable
{
    public const string Executable = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<HeadlessBrowser> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage", "--disable-gpu"],
        });
        return new HeadlessBrowser(playwright, browser);
    }

    /// <summary>A fresh context (its own cookies) and page with the given viewport, accepting downloads.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
            Locale = "ja-JP",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Where screenshots for people to look at go: <c>out/test-screenshots/</c>.</summary>
    public static string ScreenshotPath(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "out", "test-screenshots")).FullName, name);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
