using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture)
{
    private const string CriticalPlusCount = """
        () => ['critical', 'imminent-failure']
          .map(l => Number(document.querySelector(`[data-tab='overview'] [data-level='${l}']`)?.dataset.count ?? 'NaN'))
          .reduce((a, b) => a + b, 0)
        """;

    [Fact]
    public async Task Tabs_EachSelected_PanelReadyWithChartsAndNoConsoleErrors()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        var ids = new List<string>();
        foreach (var tab in await dashboard.Tabs.AllAsync())
        {
            ids.Add(await tab.GetAttributeAsync("data-tab-id") ?? throw new InvalidOperationException("A tab without data-tab-id."));
        }

        var switchTimes = new List<string>();

        // Act
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            await dashboard.SelectTabAsync(id);
            switchTimes.Add(string.Create(CultureInfo.InvariantCulture, $"{id}\t{watch.Elapsed.TotalMilliseconds:F0} ms"));
            Assert.Equal("true", await dashboard.Page.Locator($"nav[aria-label='Tabs'] [role='tab'][data-tab-id='{id}']").GetAttributeAsync("aria-selected"));
            Assert.Equal(1, await dashboard.Page.Locator("[role='tabpanel']").CountAsync());
            if (await dashboard.Page.Locator("[data-chart]").CountAsync() > 0)
            {
                await dashboard.WaitForChartsAsync();
            }

            await dashboard.ScreenshotAsync($"tab-{ids.IndexOf(id):00}-{id}");
        }

        await File.WriteAllLinesAsync(Path.Combine(Artifacts.Folder, "tab-switch-times.txt"), switchTimes);

        // Assert
        Assert.Equal(13, ids.Count);
        Assert.Equal(1, await dashboard.Page.Locator("nav[aria-label='Tabs']").CountAsync());
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Charts_OverviewAndHeatmap_DrawAndMarkReady()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();

        // Act
        var overviewCharts = await dashboard.WaitForChartsAsync();
        var overviewInk = await CanvasProbe.InkAsync(dashboard.Page, "[data-tab='overview'] [data-chart]");
        await dashboard.SelectTabAsync("heatmap");
        var heatmapCharts = await dashboard.WaitForChartsAsync();
        var heatmapInk = await CanvasProbe.InkAsync(dashboard.Page, "[data-tab='heatmap'] [data-chart]");

        // Assert
        Assert.True(overviewCharts >= 2, $"expected the overview's charts, found {overviewCharts}");
        Assert.True(overviewInk > 2000, $"the overview charts drew only {overviewInk} pixels");
        Assert.True(heatmapCharts >= 1, $"expected the heatmap chart, found {heatmapCharts}");
        Assert.True(heatmapInk > 20000, $"the heatmap drew only {heatmapInk} pixels");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Charts_TabShownAgain_KeepsItsCanvasAndDrawing()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        await dashboard.SelectTabAsync("heatmap");
        await dashboard.WaitForChartsAsync();
        await dashboard.Page.EvaluateAsync("() => { document.querySelector(\"[data-tab='heatmap'] [data-chart] canvas\").__firstVisit = true; }");

        // Act
        await dashboard.SelectTabAsync("overview");
        await dashboard.WaitForChartsAsync();
        await dashboard.SelectTabAsync("heatmap");
        await dashboard.WaitForChartsAsync();

        // Assert: the chart came back from the module's pool with its canvas, and that canvas shows the heatmap
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("() => document.querySelector(\"[data-tab='heatmap'] [data-chart] canvas\").__firstVisit === true"));
        var ink = await CanvasProbe.InkAsync(dashboard.Page, "[data-tab='heatmap'] [data-chart]");
        Assert.True(ink > 20000, $"the heatmap shown again has only {ink} pixels");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task Scenario_CriticalFromHeader_ShowsCriticalServersWithoutReload()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        var navigations = 0;
        dashboard.Page.FrameNavigated += (_, frame) => navigations += frame.ParentFrame is null ? 1 : 0;
        var before = await dashboard.Page.EvaluateAsync<int>(CriticalPlusCount);
        try
        {
            // Act
            await dashboard.Page.Locator("[data-header='scenario'] button[data-scenario='critical']").ClickAsync();
            await dashboard.Page.Locator("[data-header='scenario'] button[data-scenario='critical'][aria-pressed='true']").WaitForAsync();
            var affected = await ScenarioAsync();
            var expected = Math.Max(before + 1, affected.AffectedServers.Count / 2);
            await dashboard.Page.WaitForFunctionAsync(
                $"() => ({CriticalPlusCount})() >= {expected} && ['critical', 'imminent-failure'].includes(document.querySelector(\"[data-header='fleet-status']\")?.dataset.worstLevel)",
                null,
                new() { Timeout = 60_000 });
            await dashboard.ScreenshotAsync("scenario-critical");
            var after = await dashboard.Page.EvaluateAsync<int>(CriticalPlusCount);

            // Assert
            Assert.Equal("critical", affected.Scenario);
            Assert.NotEmpty(affected.AffectedServers);
            Assert.True(after >= expected, $"critical servers shown: {after} (before the switch {before}, {affected.AffectedServers.Count} affected)");
            Assert.Equal(0, navigations);
            Assert.Empty(dashboard.Errors);
        }
        finally
        {
            using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
            (await http.PutAsJsonAsync("api/v1/admin/scenario", new { scenario = "healthy" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Overview_AlertServerLink_OpensThatServersTab()
    {
        // Arrange: the Overview's alert table is HTML shared by every session; its links have no handler
        // of their own, so this also checks the browser-side registration of the openserver event.
        await using var dashboard = await fixture.OpenDashboardAsync();
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        try
        {
            (await http.PutAsJsonAsync("api/v1/admin/scenario", new { scenario = "critical" })).EnsureSuccessStatusCode();
            await dashboard.Page.Locator("[data-tab='overview'] [data-overview='alerts'] button[data-open-server]").First.WaitForAsync(new() { Timeout = 60_000 });

            var styled = await dashboard.Page.EvaluateAsync<bool>("""
                () => {
                  const table = document.querySelector("[data-tab='overview'] [data-overview='alerts'] table.alerts");
                  const link = table.querySelector('button.link');
                  return getComputedStyle(table).borderCollapse === 'collapse' && getComputedStyle(link).textDecorationLine.includes('underline');
                }
                """);

            // Act: the table changes with every snapshot, so read the name and click in one step.
            var server = await dashboard.Page.EvaluateAsync<string>("""
                () => {
                  const link = document.querySelector("[data-tab='overview'] [data-overview='alerts'] button[data-open-server]");
                  link.click();
                  return link.dataset.openServer;
                }
                """);
            await dashboard.WaitForPanelAsync("server");
            await dashboard.Page.Locator($"[data-tab='server'] [data-server-name='{server}']").WaitForAsync();

            // Assert
            Assert.True(styled, "the shared alert table is not styled by the page's .alert-table rules");
            Assert.False(string.IsNullOrEmpty(server));
            Assert.Equal("true", await dashboard.Page.Locator("nav[aria-label='Tabs'] [role='tab'][data-tab-id='server']").GetAttributeAsync("aria-selected"));
            Assert.Empty(dashboard.Errors);
        }
        finally
        {
            (await http.PutAsJsonAsync("api/v1/admin/scenario", new { scenario = "healthy" })).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task ServerTab_DrillDownFromTopRisks_ShowsForecastBandCharts()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        await dashboard.SelectTabAsync("top-risks");
        await dashboard.Page.Locator("[data-tab='top-risks'] li[data-server] button").First.WaitForAsync();

        // Act: the list re-orders with every snapshot, so read the name and click in one step.
        var server = await dashboard.Page.EvaluateAsync<string>("""
            () => {
              const entry = document.querySelector("[data-tab='top-risks'] li[data-server]");
              entry.querySelector('button').click();
              return entry.dataset.server;
            }
            """);
        await dashboard.WaitForPanelAsync("server");
        await dashboard.Page.Locator($"[data-tab='server'] [data-server-name='{server}']").WaitForAsync();
        var charts = await dashboard.WaitForChartsAsync();
        await dashboard.Page.WaitForFunctionAsync(
            "() => document.querySelectorAll(\"[data-tab='server'] figure[data-band='true'] [data-chart][data-ready='true']\").length > 0");
        var bandPixels = await CanvasProbe.BandFillAsync(dashboard.Page, "[data-tab='server'] figure[data-band='true'] [data-chart]");
        await dashboard.ScreenshotAsync("server-drill-down");

        // Assert
        Assert.Equal("true", await dashboard.Page.Locator("nav[aria-label='Tabs'] [role='tab'][data-tab-id='server']").GetAttributeAsync("aria-selected"));
        Assert.True(charts >= 6, $"expected a forecast chart per metric, found {charts}");
        Assert.True(bandPixels > 300, $"the p10–p90 bands drew only {bandPixels} pixels");
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task FirstResponse_Prerendered_HoldsOverviewChartOptionsAndSaysConnecting()
    {
        // Arrange
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        // Act
        var html = await http.GetStringAsync("/");

        // Assert: the charts can be drawn before the circuit starts, and nothing claims to be ready yet.
        Assert.Contains("data-chart=\"top-servers\"", html);
        Assert.Matches("data-option=\"\\{[^\"]*&quot;series&quot;", html);
        Assert.Contains("connecting…", html);
        Assert.DoesNotContain("data-ready=\"true\"", html);
    }

    [Fact]
    public async Task FirstLoad_DrawsPrerenderedChartBeforeBlazorStartsAndFetchesChartBundleOnce()
    {
        // Arrange: notes whether Blazor's script had run when the first chart was marked drawn.
        const string watchFirstChart = """
            new MutationObserver((_, observer) => {
              if (document.querySelector('[data-chart][data-ready="true"]')) {
                window.__blazorAtFirstChart = typeof window.Blazor;
                observer.disconnect();
              }
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
            """;

        // Act
        await using var dashboard = await fixture.OpenDashboardAsync(watchFirstChart);
        var blazorAtFirstChart = await dashboard.Page.EvaluateAsync<string?>("() => window.__blazorAtFirstChart ?? null");
        var bundleFetches = await dashboard.Page.EvaluateAsync<int>("() => performance.getEntriesByType('resource').filter(r => r.name.includes('/dist/fleetcast-charts')).length");

        // Assert: the page became interactive afterwards (the panel is ready), without errors.
        Assert.Equal("undefined", blazorAtFirstChart);
        Assert.Equal(1, bundleFetches);
        Assert.Equal("true", await dashboard.Page.Locator("[role='tabpanel'][data-tab='overview']").GetAttributeAsync("data-ready"));
        Assert.Empty(dashboard.Errors);
    }

    [Fact]
    public async Task OpenPage_CountsAsADashboardSessionOnMetrics()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };

        // Act
        var metrics = await http.GetStringAsync("/metrics");

        // Assert
        var line = metrics.Split('\n').Single(l => l.StartsWith("fleetcast_dashboard_sessions ", StringComparison.Ordinal));
        Assert.True(double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture) >= 1, line);
    }

    private async Task<ScenarioAnswer> ScenarioAsync()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        return await http.GetFromJsonAsync<ScenarioAnswer>("api/v1/admin/scenario") ?? throw new InvalidOperationException("Empty scenario answer.");
    }

    private sealed record ScenarioAnswer(string Scenario, IReadOnlyList<string> AffectedServers);
}
