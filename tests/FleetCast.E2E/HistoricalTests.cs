namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class HistoricalTests(DashboardFixture fixture)
{
    [Fact]
    public async Task HistoricalTab_CsvExport_DownloadsAlertRows()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        await dashboard.SelectTabAsync("historical");
        await dashboard.Page.Locator("[data-tab='historical'] button[data-range='1d']").ClickAsync();
        await dashboard.Page.Locator("[data-tab='historical'] button[data-range='1d'][aria-pressed='true']").WaitForAsync();
        var charts = await dashboard.WaitForChartsAsync();
        await dashboard.ScreenshotAsync("historical-1d");

        // Act
        var download = await dashboard.Page.RunAndWaitForDownloadAsync(() => dashboard.Page.Locator("[data-tab='historical'] a[data-export='alerts-csv']").ClickAsync());
        var path = Path.Combine(Artifacts.Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var lines = (await File.ReadAllLinesAsync(path)).Where(l => l.Length > 0).ToArray();

        // Assert
        Assert.Equal(2, charts);
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.StartsWith("id,server,metric,severity", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1, $"the CSV has no alert rows:\n{string.Join('\n', lines)}");
        Assert.All(lines.Skip(1), line => Assert.Equal(lines[0].Split(',').Length, line.Split(',').Length));
        Assert.Empty(dashboard.Errors);
    }
}
