using Pipeline.Cli.Serve;
using Pipeline.Testing;

namespace Pipeline.Portal.Tests;

/// <summary>
/// For a browser test of the portal: <c>pipeline serve</c>'s server on Azurite in the Development environment
/// (<see cref="PortalServer.StartAsync"/>) and Chromium driven by Playwright, started before each test and stopped
/// after it.
/// </summary>
public abstract class PortalInBrowser : IAsyncLifetime
{
    /// <summary>The portal's server.</summary>
    protected LocalServer Server { get; private set; } = null!;

    /// <summary>The browser.</summary>
    protected HeadlessBrowser Browser { get; private set; } = null!;

    /// <summary>Settings beside the Development ones, read once as the server starts; none by default.</summary>
    protected virtual IDictionary<string, string?>? Settings() => null;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        Server = await PortalServer.StartAsync("Development", Settings());
        Browser = await HeadlessBrowser.LaunchAsync();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        await Server.DisposeAsync();
    }
}
