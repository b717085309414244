namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class InsightsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task InsightsTab_ShippedModel_ShowsTheModelsImportanceAttentionAndCounterfactuals()
    {
        // Arrange: the fixture's server runs without --model, so it loads the shipped models/default
        // (found from the repository root), and the header names the TFT.
        await using var dashboard = await fixture.OpenDashboardAsync();

        // Act
        await dashboard.SelectTabAsync("insights");
        var charts = await dashboard.WaitForChartsAsync();
        var forecaster = (await dashboard.Page.Locator("[data-header='forecaster'] span:nth-child(2)").TextContentAsync() ?? string.Empty).Trim();
        var server = await dashboard.Page.Locator("[data-tab='insights'] [data-insights-server]").GetAttributeAsync("data-insights-server");
        var staticRows = await dashboard.Page.Locator("[data-tab='insights'] [data-table='static-weights'] tbody tr").CountAsync();
        var counterfactuals = await dashboard.Page.Locator("[data-tab='insights'] [data-counterfactual]").CountAsync()
            + await dashboard.Page.Locator("[data-tab='insights'] [data-counterfactuals-empty]").CountAsync();
        await dashboard.ScreenshotAsync("insights-model");

        // Assert
        Assert.Contains("tft", forecaster, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(server));
        Assert.True(await dashboard.Page.Locator("[data-chart='insights-features'][data-ready='true']").CountAsync() == 1, $"{charts} charts drawn");
        Assert.True(await dashboard.Page.Locator("[data-chart='insights-attention'][data-ready='true']").CountAsync() == 1);
        Assert.Equal(2, staticRows);
        Assert.True(counterfactuals > 0);
        Assert.Empty(dashboard.Errors);
    }
}
