using FleetCast.Core.Levels;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>The Historical tab's ECharts options: levels over time and the alert timeline.</summary>
public static class HistoricalCharts
{
    /// <summary>Servers per level over time (time axis in UTC, one line per level).</summary>
    public static object LevelHistory(HistoricalModel model) => new
    {
        useUTC = true,
        grid = new { left = 48, right = 24, top = 36, bottom = 36 },
        tooltip = new { trigger = "axis" },
        legend = new { top = 0, data = model.Levels.Select(l => $"{l.Level.Icon} {l.Level.Label}").ToArray() },
        xAxis = new { type = "time", min = model.From.ToUnixTimeMilliseconds(), max = model.To.ToUnixTimeMilliseconds(), axisLabel = new { color = Palette.Axis } },
        yAxis = new { type = "value", minInterval = 1, name = "servers", axisLabel = new { color = Palette.Axis } },
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
        xAxis = new { type = "time", min = model.From.ToUnixTimeMilliseconds(), max = model.To.ToUnixTimeMilliseconds(), axisLabel = new { color = Palette.Axis } },
        yAxis = new { type = "value", minInterval = 1, name = "alerts started", axisLabel = new { color = Palette.Axis } },
        series = new object[]
        {
            TimelineSeries("warning", Palette.Level(RiskLevel.Warning), model.Timeline.Select(b => (b.Start + model.TimelineBucket / 2, b.Warning))),
            TimelineSeries("critical", Palette.Level(RiskLevel.Critical), model.Timeline.Select(b => (b.Start + model.TimelineBucket / 2, b.Critical))),
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
}
