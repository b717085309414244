using FleetCast.Dashboard.Shared;


namespace FleetCast.Dashboard.Tabs.TopRisks;

/// <summary>The Top risks tab's ECharts options: now against predicted for the chart metrics.</summary>
public static class TopRisksCharts
{
    public static object TopRisksCompare(TopRisksModel model)
    {
        var names = model.Entries.Select(e => e.Server.Server).ToArray();
        var series = new List<object>();
        foreach (var metric in TopRisksModel.ChartMetrics)
        {
            foreach (var (basis, color) in new[] { ("now", Palette.Primary), ("predicted", Palette.Secondary) })
            {
                series.Add(new
                {
                    type = "bar",
                    name = $"{metric} {basis}",
                    itemStyle = new { color = metric == "cpu" ? color : Lighten(color), decal = basis == "predicted" ? new { symbol = "rect", dashArrayX = new[] { 1, 0 }, dashArrayY = new[] { 2, 4 }, rotation = 0.8 } : null },
                    data = model.Entries.Select(e =>
                    {
                        var value = e.Metrics.FirstOrDefault(m => m.Metric == metric).Value;
                        var number = basis == "now" ? value?.Current : value?.Predicted;
                        return new { value = number is { } n ? Math.Round(n, 1) : (double?)null, key = e.Server.Server, tip = $"{e.Server.Server} · {metric} {basis} {DisplayFormat.Value(number, "%")}" };
                    }).ToArray(),
                });
            }
        }

        return new
        {
            grid = new { left = 48, right = 16, top = 36, bottom = 60 },
            tooltip = new { trigger = "item" },
            legend = new { top = 0 },
            xAxis = new { type = "category", data = names, axisLabel = new { color = Palette.Axis, rotate = 35 } },
            yAxis = new { type = "value", min = 0, max = 100, name = "%", axisLabel = new { color = Palette.Axis } },
            series,
        };
    }

    private static string Lighten(string color) => color == Palette.Primary ? Palette.PrimaryLight : Palette.SecondaryLight;
}
