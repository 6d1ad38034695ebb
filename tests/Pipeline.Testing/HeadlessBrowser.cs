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
    private readonly IDisposable _exitCleanUp;

    // Playwright's expectation timeout is one setting of the process, set once here. The browser tests share two cores
    // with the fault runs of the integration tests (the test command runs the assemblies side by side): an expectation
    // that waits on a server round trip is given 30 s, not Playwright's 5 (SecretariatBrowserTests failed so in CI on
    // 8ff3008: a clicked upload's report had not arrived in 5 s). It still fails where the page never shows what is
    // expected.
    static HeadlessBrowser() => Assertions.SetDefaultExpectTimeout(30_000);

    private HeadlessBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
        // If the test host exits before this is disposed: close Chromium and stop Playwright's driver (which
        // kills what it launched), so no browser outlives the run.
        _exitCleanUp = ChildProcesses.Register(() =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            playwright.Dispose();
        });
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
            Timeout = 120_000, // a safety net: Playwright kills a browser that has not started by then
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

    /// <summary>
    /// The page's DOM once it has loaded (and, for a dashboard, rendered its data: <c>[data-rendered=true]</c>),
    /// in a browser of its own.
    /// </summary>
    public static async Task<string> DumpDomAsync(Uri page, int width = 1280, int height = 2600, bool rendersData = true)
    {
        await using var browser = await LaunchAsync();
        var tab = await browser.OpenAsync(page, width, height, rendersData);
        return await tab.ContentAsync();
    }

    /// <summary>A screenshot of the page once loaded and rendered, saved at <paramref name="path"/>.</summary>
    public static async Task ScreenshotAsync(Uri page, string path, int width, int height)
    {
        await using var browser = await LaunchAsync();
        var tab = await browser.OpenAsync(page, width, height);
        await tab.ScreenshotAsync(new() { Path = path });
    }

    /// <summary>
    /// A new page at <paramref name="address"/>, waited for until it has loaded and, where it
    /// <paramref name="rendersData"/> (a dashboard), marked itself <c>data-rendered=true</c>.
    /// </summary>
    public async Task<IPage> OpenAsync(Uri address, int width = 1280, int height = 900, bool rendersData = true)
    {
        var tab = await NewPageAsync(width, height);
        await tab.GotoAsync(address.ToString());
        await tab.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (rendersData)
        {
            await tab.WaitForSelectorAsync("[data-rendered=true]", new() { State = WaitForSelectorState.Attached });
        }

        return tab;
    }

    /// <summary>Where screenshots for people to look at go: <c>out/test-screenshots/</c>.</summary>
    public static string ScreenshotPath(string name) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot.Find(), "out", "test-screenshots")).FullName, name);

    /// <summary>Closes Chromium and stops Playwright's driver (the same clean-up a test-host exit runs).</summary>
    public ValueTask DisposeAsync()
    {
        _exitCleanUp.Dispose();
        return ValueTask.CompletedTask;
    }
}
