using Microsoft.Playwright;

namespace FleetCast.E2E;

/// <summary>One browser page on the dashboard that records console errors and uncaught exceptions.</summary>
internal sealed class DashboardPage : IAsyncDisposable
{
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext _context;
    private readonly List<string> _errors = [];

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console.error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught: {error}");
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    /// <param name="initScript">Run in the page before any of its own scripts, when given.</param>
    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri baseAddress, int width = 1440, int height = 900, string? initScript = null)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = baseAddress.ToString(), AcceptDownloads = true });
        context.SetDefaultTimeout((float)ReadyTimeout.TotalMilliseconds);
        if (initScript is not null)
        {
            await context.AddInitScriptAsync(initScript);
        }

        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page);
        await page.GotoAsync("/");
        await dashboard.WaitForPanelAsync("overview");
        return dashboard;
    }

    public ILocator Tabs => Page.Locator("nav[aria-label='Tabs'] [role='tab']");

    public async Task SelectTabAsync(string tab)
    {
        await Page.Locator($"nav[aria-label='Tabs'] [role='tab'][data-tab-id='{tab}']").ClickAsync();
        await WaitForPanelAsync(tab);
    }

    public async Task WaitForPanelAsync(string tab)
    {
        try
        {
            await Page.Locator($"[role='tabpanel'][data-tab='{tab}'][data-ready='true']").WaitForAsync();
        }
        catch (TimeoutException e)
        {
            // Leave the page as it was for the failure report.
            var shot = Path.Combine(Artifacts.Folder, $"failed-{tab}-{DateTime.UtcNow:HHmmss}.png");
            await Page.ScreenshotAsync(new() { Path = shot });
            var shown = await Page.EvaluateAsync<string?>("() => Array.from(document.querySelectorAll('[role=tabpanel]')).map(p => p.dataset.tab + ':' + p.dataset.ready).join(' ')");
            throw new TimeoutException($"Tab panel '{tab}' did not reach data-ready=\"true\" (panels now: {shown}; screenshot {shot}; browser errors: {string.Join(" | ", Errors)}).", e);
        }
    }

    /// <summary>Waits until every chart on the page has drawn its first render; returns how many there are.</summary>
    public async Task<int> WaitForChartsAsync()
    {
        var charts = Page.Locator("[data-chart]");
        await Page.WaitForFunctionAsync(
            "() => { const c = document.querySelectorAll('[data-chart]'); return c.length > 0 && Array.from(c).every(e => e.dataset.ready === 'true'); }",
            null,
            new() { Timeout = (float)ReadyTimeout.TotalMilliseconds });
        return await charts.CountAsync();
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, name + ".png") });

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
