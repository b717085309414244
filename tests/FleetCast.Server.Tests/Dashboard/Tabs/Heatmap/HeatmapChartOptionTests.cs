using System.Text.Json;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Tabs.Heatmap;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Heatmap;

public sealed class HeatmapChartOptionTests
{
    [Fact]
    public void Heatmap_ItemsArePlainTriplesWithTheServerAndTooltipOfEachCellAtTheSameIndex()
    {
        var snapshot = TestSnapshots.Create(servers: 12).Snapshot;
        var model = HeatmapModel.From(snapshot, ThresholdTable.Default, null, 0);

        var series = JsonSerializer.SerializeToElement(HeatmapCharts.Heatmap(model), new JsonSerializerOptions(JsonSerializerDefaults.Web)).GetProperty("series")[0];

        var data = series.GetProperty("data").EnumerateArray().ToArray();
        var keys = series.GetProperty("itemKeys").EnumerateArray().Select(k => k.GetString()).ToArray();
        var tips = series.GetProperty("itemTips").EnumerateArray().Select(t => t.GetString()).ToArray();
        Assert.Equal(model.Cells.Count, data.Length);
        Assert.Equal(data.Length, keys.Length);
        Assert.Equal(data.Length, tips.Length);
        for (var i = 0; i < data.Length; i++)
        {
            var cell = model.Cells[i];
            Assert.Equal(JsonValueKind.Array, data[i].ValueKind);
            Assert.Equal([cell.X, cell.Y, cell.Value], data[i].EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal(cell.Server, keys[i]);
            Assert.Equal(model.Rows[cell.Y], keys[i]);
            Assert.Equal(cell.Tip, tips[i]);
        }
    }
}
