namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class InsightsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task InsightsTab_BaselineServer_SaysExplanationsNeedTheModelWithoutCharts()
    {
        // Arrange: the fixture's server runs the default holt-winters baseline (no --model).
        await using var dashboard = await fixture.OpenDashboardAsync();

        // Act
        await dashboard.SelectTabAsync("insights");
        var message = await dashboard.Page.Locator("[data-tab='insights'] [data-insights-status='baseline']").TextContentAsync() ?? string.Empty;
        await dashboard.ScreenshotAsync("insights-baseline");

        // Assert
        Assert.Contains("holt-winters", message, StringComparison.Ordinal);
        Assert.Contains("needs the TFT model", message, StringComparison.Ordinal);
        Assert.Contains("--model models/default", message, StringComparison.Ordinal);
        Assert.Equal(0, await dashboard.Page.Locator("[data-tab='insights'] [data-chart]").CountAsync());
        Assert.Empty(dashboard.Errors);
    }
}
