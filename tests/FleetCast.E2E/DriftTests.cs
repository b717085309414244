using Microsoft.Playwright;

namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class DriftTests(DashboardFixture fixture)
{
    [Fact]
    public async Task DriftTab_ShadowOriginsMatured_TableShowsServingModelAndBaselinesWithRatio()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();

        // Act: the first shadow origin is taken at the first step; its scores pass 500 points a few steps later.
        await dashboard.SelectTabAsync("drift");
        var sufficient = dashboard.Page.Locator("[data-table='shadow'] tbody tr[data-sufficient='true']");
        await dashboard.Page.WaitForFunctionAsync("() => document.querySelectorAll(\"[data-table='shadow'] tbody tr[data-sufficient='true']\").length === 4",
            null, new() { Timeout = 120_000 });
        var section = dashboard.Page.Locator("[data-section='shadow']");
        await section.ScrollIntoViewIfNeededAsync();
        await section.ScreenshotAsync(new() { Path = Path.Combine(Artifacts.Folder, "drift-shadow.png") });

        // Assert
        Assert.Equal("tft", await sufficient.First.GetAttributeAsync("data-forecaster"));
        Assert.Equal("true", await sufficient.First.GetAttributeAsync("data-reference"));
        var baselines = await dashboard.Page.Locator("[data-table='shadow'] tbody tr[data-reference='false']").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.forecaster)");
        Assert.Equal(["linear-trend", "seasonal-naive", "holt-winters"], baselines);
        var ratios = await dashboard.Page.Locator("[data-table='shadow'] tbody tr[data-reference='false'] td:last-child").AllTextContentsAsync();
        Assert.All(ratios, r => Assert.Matches(@"^\d+\.\d\d×$", r));
        Assert.Matches(@"^tft is (better than|worse than|level with) the best baseline \(.+\): its live pinball is \d+\.\d\d× the baseline's\.$",
            await dashboard.Page.Locator("[data-shadow-verdict]").TextContentAsync());
        Assert.Empty(dashboard.Errors);
    }
}
