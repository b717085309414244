using FleetCast.Core.Levels;

namespace FleetCast.Server.Components.ViewModels;

/// <summary>ECharts options built from the view models (plain objects serialised to JSON by the JS
/// interop). Data items may carry a "tip" (tooltip text) and a "key" (what a click drills into).</summary>
public static class ChartOptions
{
    private const string AxisColor = "#6b7280";
    private const string NoDataColor = "#9ca3af";

    public static object TopServers(IReadOnlyList<RiskBar> servers)
    {
        // Horizontal bars read top-down, so the riskiest server goes last on the category axis.
        var ordered = servers.Reverse().ToArray();
        return new
        {
            grid = new { left = 90, right = 24, top = 8, bottom = 24 },
            tooltip = new { trigger = "item" },
            xAxis = new { type = "value", min = 0, max = 100, name = "risk", axisLabel = new { color = AxisColor } },
            yAxis = new { type = "category", data = ordered.Select(s => s.Server).ToArray(), axisLabel = new { color = AxisColor } },
            series = new object[]
            {
                new
                {
                    type = "bar",
                    name = "risk",
                    data = ordered.Select(s => new
                    {
                        value = Math.Round(s.RiskScore, 1),
                        key = s.Server,
                        tip = $"{s.Server} · risk {DisplayFormat.Score(s.RiskScore)} · {s.Level.Icon} {s.Level.Label}",
                        itemStyle = new { color = s.Level.Color },
                    }).ToArray(),
                },
            },
        };
    }

    public static object LevelDistribution(IReadOnlyList<LevelCount> counts) => new
    {
        grid = new { left = 110, right = 24, top = 8, bottom = 24 },
        tooltip = new { trigger = "item" },
        xAxis = new { type = "value", minInterval = 1, axisLabel = new { color = AxisColor } },
        yAxis = new { type = "category", inverse = true, data = counts.Select(c => $"{c.Style.Icon} {c.Style.Label}").ToArray(), axisLabel = new { color = AxisColor } },
        series = new object[]
        {
            new
            {
                type = "bar",
                name = "servers",
                data = counts.Select(c => new
                {
                    value = c.Count,
                    tip = $"{c.Style.Label}: {c.Count} servers",
                    itemStyle = new { color = c.Style.Color },
                }).ToArray(),
            },
        },
    };

    public static object ForecastBand(ForecastBandSeries band)
    {
        var bandWidth = band.P10.Zip(band.P90, (low, high) => low is { } l && high is { } h ? Chart(h - l) : null).ToArray();
        var thresholdLines = new List<object>();
        if (band.Thresholds.Warning is { } warning)
        {
            thresholdLines.Add(new { yAxis = warning, name = "warning", lineStyle = new { color = RiskLadder.Get(RiskLevel.Warning).Color, type = "dashed" }, label = new { formatter = $"warning {DisplayFormat.Value(warning, band.Metric.Unit)}", position = "insideEndTop" } });
        }

        if (band.Thresholds.Critical is { } critical)
        {
            thresholdLines.Add(new { yAxis = critical, name = "critical", lineStyle = new { color = RiskLadder.Get(RiskLevel.Critical).Color, type = "dashed" }, label = new { formatter = $"critical {DisplayFormat.Value(critical, band.Metric.Unit)}", position = "insideEndTop" } });
        }

        if (band.HasForecast && band.Labels.Count > 0)
        {
            thresholdLines.Add(new { xAxis = band.Labels[band.OriginIndex], name = "now", lineStyle = new { color = AxisColor, type = "solid" }, label = new { formatter = "data time now", position = "end" } });
        }

        var percent = band.Metric.Unit == "%";
        return new
        {
            grid = new { left = 48, right = 16, top = 44, bottom = 36 },
            tooltip = new { trigger = "axis" },
            legend = new { top = 0, data = new[] { "history", "p50", "p10–p90" } },
            xAxis = new { type = "category", boundaryGap = false, data = band.Labels, name = "UTC", nameLocation = "end", axisLabel = new { color = AxisColor } },
            yAxis = new { type = "value", min = percent ? 0 : (double?)null, max = percent ? 100 : (double?)null, name = band.Metric.Unit, axisLabel = new { color = AxisColor } },
            series = new object[]
            {
                new { type = "line", name = "history", data = Chart(band.History), showSymbol = false, lineStyle = new { width = 1.5, color = "#2563eb" }, itemStyle = new { color = "#2563eb" }, markLine = new { symbol = "none", silent = true, data = thresholdLines } },
                new { type = "line", name = "_p10", data = Chart(band.P10), showSymbol = false, stack = "band", lineStyle = new { opacity = 0 }, silent = true },
                new { type = "line", name = "p10–p90", data = bandWidth, showSymbol = false, stack = "band", lineStyle = new { opacity = 0 }, areaStyle = new { color = "rgba(124, 58, 237, 0.18)" }, itemStyle = new { color = "rgba(124, 58, 237, 0.5)" } },
                new { type = "line", name = "p50", data = Chart(band.P50), showSymbol = false, lineStyle = new { width = 1.5, type = "dashed", color = "#7c3aed" }, itemStyle = new { color = "#7c3aed" } },
            },
        };
    }

    /// <summary>Servers per level over time (time axis in UTC, one line per level).</summary>
    public static object LevelHistory(HistoricalModel model) => new
    {
        useUTC = true,
        grid = new { left = 48, right = 24, top = 36, bottom = 36 },
        tooltip = new { trigger = "axis" },
        legend = new { top = 0, data = model.Levels.Select(l => $"{l.Level.Icon} {l.Level.Label}").ToArray() },
        xAxis = new { type = "time", min = model.From.ToUnixTimeMilliseconds(), max = model.To.ToUnixTimeMilliseconds(), axisLabel = new { color = AxisColor } },
        yAxis = new { type = "value", minInterval = 1, name = "servers", axisLabel = new { color = AxisColor } },
        series = model.Levels.Select(l => (object)new
        {
            type = "line",
            name = $"{l.Level.Icon} {l.Level.Label}",
            step = "end",
            showSymbol = false,
            lineStyle = new { width = 1.5, color = l.Level.Color },
            itemStyle = new { color = l.Level.Color },
            data = l.Points.Select(p => new object[] { p.Time.ToUnixTimeMilliseconds(), p.Count }).ToArray(),
        }).ToArray(),
    };

    /// <summary>Alerts started per time bucket, stacked by severity.</summary>
    public static object AlertTimeline(HistoricalModel model) => new
    {
        useUTC = true,
        grid = new { left = 48, right = 24, top = 36, bottom = 36 },
        tooltip = new { trigger = "axis" },
        legend = new { top = 0, data = new[] { "warning", "critical" } },
        xAxis = new { type = "time", min = model.From.ToUnixTimeMilliseconds(), max = model.To.ToUnixTimeMilliseconds(), axisLabel = new { color = AxisColor } },
        yAxis = new { type = "value", minInterval = 1, name = "alerts started", axisLabel = new { color = AxisColor } },
        series = new object[]
        {
            TimelineSeries("warning", RiskLadder.Get(RiskLevel.Warning).Color, model.Timeline.Select(b => (b.Start + model.TimelineBucket / 2, b.Warning))),
            TimelineSeries("critical", RiskLadder.Get(RiskLevel.Critical).Color, model.Timeline.Select(b => (b.Start + model.TimelineBucket / 2, b.Critical))),
        },
    };

    private static object TimelineSeries(string name, string color, IEnumerable<(DateTimeOffset Time, int Count)> points) => new
    {
        type = "bar",
        name,
        stack = "alerts",
        barMaxWidth = 18,
        itemStyle = new { color },
        data = points.Select(p => new object[] { p.Time.ToUnixTimeMilliseconds(), p.Count }).ToArray(),
    };

    public static object Heatmap(HeatmapModel model)
    {
        var pieces = new List<object>
        {
            new { value = (int)HeatClass.NoData, color = NoDataColor },
            new { value = (int)HeatClass.Normal, color = RiskLadder.Get(RiskLevel.Healthy).Color },
            new { value = (int)HeatClass.Elevated, color = RiskLadder.Get(RiskLevel.Watch).Color },
            new { value = (int)HeatClass.Warning, color = RiskLadder.Get(RiskLevel.Warning).Color },
            new { value = (int)HeatClass.Critical, color = RiskLadder.Get(RiskLevel.Critical).Color },
        };
        pieces.AddRange(LevelStyle.All.Select(l => (object)new { value = HeatmapModel.RiskValueOffset + (int)l.Level, color = l.Color }));
        return new
        {
            grid = new { left = 90, right = 16, top = 28, bottom = 8 },
            tooltip = new { trigger = "item" },
            xAxis = new { type = "category", position = "top", data = model.Columns, splitArea = new { show = true }, axisLabel = new { color = AxisColor } },
            yAxis = new { type = "category", inverse = true, data = model.Rows, axisLabel = new { color = AxisColor, fontSize = 10 } },
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

    // Two decimals are more than a chart can show and cut the option's JSON (17 significant digits per
    // value otherwise) by more than half on the Server tab, for every session that opens it.
    private static double? Chart(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static double?[] Chart(IReadOnlyList<double?> values)
    {
        var rounded = new double?[values.Count];
        for (var i = 0; i < rounded.Length; i++)
        {
            rounded[i] = Chart(values[i]);
        }

        return rounded;
    }

    public static object TopRisksCompare(TopRisksModel model)
    {
        var names = model.Entries.Select(e => e.Server.Server).ToArray();
        var series = new List<object>();
        foreach (var metric in TopRisksModel.ChartMetrics)
        {
            foreach (var (basis, color) in new[] { ("now", "#2563eb"), ("predicted", "#7c3aed") })
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
            xAxis = new { type = "category", data = names, axisLabel = new { color = AxisColor, rotate = 35 } },
            yAxis = new { type = "value", min = 0, max = 100, name = "%", axisLabel = new { color = AxisColor } },
            series,
        };
    }

    private static string Lighten(string color) => color == "#2563eb" ? "#93c5fd" : "#c4b5fd";
}
