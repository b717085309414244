using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Tabs.Heatmap;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Heatmap;

public sealed class HeatmapModelTests
{
    [Fact]
    public void From_ThousandServers_EveryPageStaysUnderTheCellLimitAndCoversEveryServer()
    {
        var snapshot = TestSnapshots.Create(servers: 1000, withDetails: false, withAlerts: false).Snapshot;

        var first = HeatmapModel.From(snapshot, ThresholdTable.Default, null, 0);
        var seen = new HashSet<string>();
        for (var page = 0; page < first.PageCount; page++)
        {
            var model = HeatmapModel.From(snapshot, ThresholdTable.Default, null, page);
            Assert.True(model.Cells.Count <= HeatmapModel.MaxCells, $"page {page} has {model.Cells.Count} cells");
            Assert.True(model.Cells.Count <= 3000);
            seen.UnionWith(model.Rows);
        }

        Assert.Equal(1000, seen.Count);
        Assert.Equal(first.Rows.Count * HeatmapModel.ColumnCount, first.Cells.Count);
    }

    [Fact]
    public void From_MixedProfiles_RowsGroupedByProfile()
    {
        var snapshot = TestSnapshots.Create(servers: 12).Snapshot;

        var model = HeatmapModel.From(snapshot, ThresholdTable.Default, null, 0);

        Assert.Equal(4, model.Groups.Count);
        Assert.Equal(model.Groups.OrderBy(g => g.Profile).Select(g => g.Profile), model.Groups.Select(g => g.Profile));
        Assert.Equal(model.Rows.Count, model.Groups.Sum(g => g.RowCount));
        var database = model.Groups.Single(g => g.Profile == ServerProfile.Database);
        Assert.All(model.Rows.Skip(database.FirstRow).Take(database.RowCount), r => Assert.StartsWith("ppdb", r));
    }

    [Fact]
    public void From_ProfileFilterAndPageBeyondEnd_ClampsToLastPageOfThatProfile()
    {
        var snapshot = TestSnapshots.Create(servers: 12).Snapshot;

        var model = HeatmapModel.From(snapshot, ThresholdTable.Default, ServerProfile.WebApi, page: 50);

        Assert.Equal(0, model.Page);
        Assert.Equal(3, model.MatchingServers);
        Assert.All(model.Rows, r => Assert.StartsWith("ppweb", r));
    }

    [Fact]
    public void From_RiskColumn_CarriesTheLevelOfTheRow()
    {
        var snapshot = TestSnapshots.Create(servers: 12).Snapshot;

        var model = HeatmapModel.From(snapshot, ThresholdTable.Default, null, 0);

        foreach (var cell in model.Cells.Where(c => c.X == 0))
        {
            var row = snapshot.Servers.Single(s => s.Name == cell.Server);
            Assert.Equal(HeatmapModel.RiskValueOffset + (int)row.Level, cell.Value);
        }
    }
}
