using Bunit;
using FleetCast.Dashboard.Tabs.Heatmap;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Heatmap;

public sealed class HeatmapTabTests : DashboardTestContext
{
    [Fact]
    public void Render_ThousandServers_PagesSoTheChartStaysUnderTheCellLimit()
    {
        var published = TestSnapshots.Create(servers: 1000, withDetails: false, withAlerts: false);

        var cut = Render<HeatmapTab>(p => p.Add(t => t.Snapshot, published));

        var rowsPerPage = HeatmapModel.RowsPerPageFor(HeatmapModel.MaxCells);
        var pages = (1000 + rowsPerPage - 1) / rowsPerPage;
        Assert.Contains($"page 1 of {pages}", cut.Find("[data-heatmap-page]").TextContent);
        cut.WaitForAssertion(() => Assert.Single(ChartJs.Invocations["init"]));
        Assert.NotNull(cut.Find("[data-chart='fleet-heatmap']"));
    }

    [Fact]
    public void NextPage_Clicked_ShowsSecondPageAndUpdatesTheChart()
    {
        var published = TestSnapshots.Create(servers: 1000, withDetails: false, withAlerts: false);
        var cut = Render<HeatmapTab>(p => p.Add(t => t.Snapshot, published));
        cut.WaitForAssertion(() => Assert.Single(ChartJs.Invocations["init"]));
        var firstPage = cut.Find("[data-chart='fleet-heatmap']").GetAttribute("data-option");

        cut.Find("button[aria-label='Next page']").Click();

        Assert.Contains("page 2 of", cut.Find("[data-heatmap-page]").TextContent);
        Assert.NotEqual(firstPage, cut.Find("[data-chart='fleet-heatmap']").GetAttribute("data-option"));
        Assert.Single(ChartJs.Invocations["init"]);
    }
}
