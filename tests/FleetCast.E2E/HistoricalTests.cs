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

    [Fact]
    public async Task HistoricalTab_AlertTableSentAsHtml_IsStyledLikeTheRestOfTheTab()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync();
        await dashboard.SelectTabAsync("historical");
        await dashboard.Page.Locator("[data-tab='historical'] button[data-range='1d']").ClickAsync();
        var firstCell = dashboard.Page.Locator("[data-tab='historical'] [data-table='history-alerts'] tbody tr td").First;
        await firstCell.WaitForAsync();

        // Act
        var style = await firstCell.EvaluateAsync<string[]>("td => { const s = getComputedStyle(td); return [s.paddingLeft, s.borderBottomWidth, td.closest('tr').className, s.color, s.fontWeight]; }");
        var serverCell = await dashboard.Page.Locator("[data-tab='historical'] [data-table='history-servers'] tbody tr td").First
            .EvaluateAsync<string[]>("td => { const s = getComputedStyle(td); return [s.paddingLeft, s.borderBottomWidth]; }");

        // Assert: the tab's ::deep rules reach the table that has no scope attribute of its own
        Assert.Equal(serverCell, style[..2]);
        Assert.NotEqual("0px", style[0]);
        Assert.Equal("1px", style[1]);
        var expected = style[2].Contains("severity-critical", StringComparison.Ordinal) ? "rgb(185, 28, 28)" : "rgb(180, 83, 9)";
        Assert.Equal(expected, style[3]);
        Assert.Equal("600", style[4]);
        Assert.Empty(dashboard.Errors);
    }
}
