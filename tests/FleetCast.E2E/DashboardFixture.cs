using Microsoft.Playwright;

namespace FleetCast.E2E;

/// <summary>One running server and one headless Chromium shared by every test of the collection, so
/// the whole suite pays for one start-up.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private FleetCastServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    internal FleetCastServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    internal IBrowser Browser => _browser ?? throw new InvalidOperationException("The fixture has not started.");

    public Uri BaseAddress => Server.BaseAddress;

    public async Task InitializeAsync()
    {
        // Chromium first: a missing browser fails fast, before a server is started.
        var chromium = Chromium.Locate();
        _server = await FleetCastServer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Args });
    }

    internal Task<DashboardPage> OpenDashboardAsync(string? initScript = null) => DashboardPage.OpenAsync(Browser, BaseAddress, initScript: initScript);

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
