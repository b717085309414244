namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class InsightsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task InsightsTab_BaselineServer_SaysExplanationsNeedTheModelWithoutCharts()
    {
        // Arrange: the fixture's server runs without --model, so a baseline forecasts the fleet (the
        // warm-up linear-trend until holt-winters has its season); the header names which one.
        await using var dashboard = await fixture.OpenDashboardAsync();

        // Act
        await dashboard.SelectTabAsync("insights");
        var forecaster = (await dashboard.Page.Locator("[data-header='forecaster'] span:nth-child(2)").TextContentAsync() ?? string.Empty).Trim();
        var message = await dashboard.Page.Locator("[data-tab='insights'] [data-insights-status='baseline']").TextContentAsync() ?? string.Empty;
        await dashboard.ScreenshotAsync("insights-baseline");

        // Assert
        Assert.NotEmpty(forecaster);
        Assert.Contains($"the baseline \"{forecaster}\"", message, StringComparison.Ordinal);
        Assert.Contains("needs the TFT model", message, StringComparison.Ordinal);
        Assert.Contains("--model models/default", message, StringComparison.Ordinal);
        Assert.Equal(0, await dashboard.Page.Locator("[data-tab='insights'] [data-chart]").CountAsync());
        Assert.Empty(dashboard.Errors);
    }
}
