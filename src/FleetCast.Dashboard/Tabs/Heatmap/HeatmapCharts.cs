using FleetCast.Core.Levels;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Heatmap;

/// <summary>The Heatmap tab's ECharts options: one cell per server and metric, coloured by heat class.</summary>
public static class HeatmapCharts
{
    public static object Heatmap(HeatmapModel model)
    {
        var pieces = new List<object>
        {
            new { value = (int)HeatClass.NoData, color = Palette.NoData },
            new { value = (int)HeatClass.Normal, color = Palette.Level(RiskLevel.Healthy) },
            new { value = (int)HeatClass.Elevated, color = Palette.Level(RiskLevel.Watch) },
            new { value = (int)HeatClass.Warning, color = Palette.Level(RiskLevel.Warning) },
            new { value = (int)HeatClass.Critical, color = Palette.Level(RiskLevel.Critical) },
        };
        pieces.AddRange(LevelStyle.All.Select(l => (object)new { value = HeatmapModel.RiskValueOffset + (int)l.Level, color = l.Color }));
        return new
        {
            grid = new { left = 90, right = 16, top = 28, bottom = 8 },
            tooltip = new { trigger = "item" },
            xAxis = new { type = "category", position = "top", data = model.Columns, splitArea = new { show = true }, axisLabel = new { color = Palette.Axis } },
            yAxis = new { type = "category", inverse = true, data = model.Rows, axisLabel = new { color = Palette.Axis, fontSize = 10 } },
            visualMap = new { type = "piecewise", show = false, dimension = 2, pieces },
            series = new object[]
            {
                new
                {
                    type = "heatmap",
                    name = "fleet",
                    progressive = 0,
                    // No cell borders: at under 3 px a row a 1 px border would hide most of the colour.
                    // Plain [x, y, value] items: an item that is an object makes ECharts build a model per
                    // cell (2,700 of them), which was most of the heatmap's drawing time. The chart module
                    // takes each item's server (click) and tooltip text from itemKeys/itemTips by index.
                    data = model.Cells.Select(c => new[] { c.X, c.Y, c.Value }).ToArray(),
                    itemKeys = model.Cells.Select(c => c.Server).ToArray(),
                    itemTips = model.Cells.Select(c => c.Tip).ToArray(),
                },
            },
        };
    }
}
