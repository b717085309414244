using System.Text.Json;
using Microsoft.Playwright;

namespace FleetCast.DashboardBench;

/// <summary>One headless Chromium (Debian's, never Playwright's download) whose contexts carry the page
/// probe (probe.js) and whose pages are dashboards on one server.</summary>
internal sealed class BenchBrowser : IAsyncDisposable
{
    // Opening the 90th to 100th page of the session run, with the other pages' Chromium at a load average
    // near 100, took more than 60 s in two runs; a page that is not ready in 2 minutes ends the run.
    public static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
        // Many pages at once: background pages must not be throttled, or they would show updates late.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    private static readonly string Probe = LoadProbe();

    private readonly IPlaywright _playwright;
    private readonly Uri _baseAddress;

    private BenchBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        Browser = browser;
        _baseAddress = baseAddress;
    }

    public IBrowser Browser { get; }

    /// <param name="lowerPriority">Run Chromium at nice +9 relative to this process: the pages stand for
    /// users on other machines, and must not starve the server they measure.</param>
    public static async Task<BenchBrowser> LaunchAsync(string chromium, Uri baseAddress, bool lowerPriority = false)
    {
        var executable = lowerPriority ? NiceWrapper(chromium) : chromium;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = Args, Headless = true });
        return new BenchBrowser(playwright, browser, baseAddress);
    }

    /// <summary>A fresh context: empty HTTP cache, own cookies and storage.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, BaseURL = _baseAddress.ToString() });
        context.SetDefaultTimeout((float)ReadyTimeout.TotalMilliseconds);
        await context.AddInitScriptAsync(Probe);
        return context;
    }

    /// <summary>Navigates to the dashboard and waits for the first chart to be drawn (from the prerendered
    /// page) and for the page to be interactive (a tab panel marked ready, which needs the circuit).</summary>
    public static async Task<LoadTiming> LoadAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => window.__fleetcastProbe && window.__fleetcastProbe.firstChart !== null && window.__fleetcastProbe.firstPanel !== null", null, new() { Timeout = (float)ReadyTimeout.TotalMilliseconds, PollingInterval = 20 });
        var result = await page.EvaluateAsync<JsonElement>("""
            () => {
              const p = window.__fleetcastProbe;
              const nav = performance.getEntriesByType('navigation')[0];
              const bytes = (nav ? nav.transferSize : 0) + performance.getEntriesByType('resource').reduce((s, r) => s + (r.transferSize || 0), 0);
              return { panel: p.firstPanel, chart: p.firstChart, bytes };
            }
            """);
        return new LoadTiming(
            result.GetProperty("panel").ValueKind == JsonValueKind.Number ? result.GetProperty("panel").GetDouble() : double.NaN,
            result.GetProperty("chart").GetDouble(),
            result.GetProperty("bytes").GetDouble());
    }

    private static string NiceWrapper(string chromium)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fleetcast-dashbench-chromium-{Environment.ProcessId}.sh");
        File.WriteAllText(path, $"#!/bin/sh\nexec nice -n 9 '{chromium.Replace("'", "'\\''", StringComparison.Ordinal)}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private static string LoadProbe()
    {
        using var stream = typeof(BenchBrowser).Assembly.GetManifestResourceStream("probe.js")
            ?? throw new InvalidOperationException("probe.js is not embedded in the benchmark assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
