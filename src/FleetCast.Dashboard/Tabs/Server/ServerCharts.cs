using FleetCast.Core.Levels;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Server;

/// <summary>The Server tab's ECharts options: one metric's history with its p10–p90 forecast band and thresholds.</summary>
public static class ServerCharts
{
    public static object ForecastBand(ForecastBandSeries band)
    {
        var bandWidth = band.P10.Zip(band.P90, (low, high) => low is { } l && high is { } h ? ChartStyle.Round(h - l) : null).ToArray();
        var thresholdLines = new List<object>();
        if (band.Thresholds.Warning is { } warning)
        {
            thresholdLines.Add(new { yAxis = warning, name = "warning", lineStyle = new { color = Palette.Level(RiskLevel.Warning), type = "dashed" }, label = new { formatter = $"warning {DisplayFormat.Value(warning, band.Metric.Unit)}", position = "insideEndTop" } });
        }

        if (band.Thresholds.Critical is { } critical)
        {
            thresholdLines.Add(new { yAxis = critical, name = "critical", lineStyle = new { color = Palette.Level(RiskLevel.Critical), type = "dashed" }, label = new { formatter = $"critical {DisplayFormat.Value(critical, band.Metric.Unit)}", position = "insideEndTop" } });
        }

        if (band.HasForecast && band.Labels.Count > 0)
        {
            thresholdLines.Add(new { xAxis = band.Labels[band.OriginIndex], name = "now", lineStyle = new { color = Palette.Axis, type = "solid" }, label = new { formatter = "data time now", position = "end" } });
        }

        var percent = band.Metric.Unit == "%";
        return new
        {
            grid = new { left = 48, right = 16, top = 44, bottom = 36 },
            tooltip = new { trigger = "axis" },
            legend = new { top = 0, data = new[] { "history", "p50", "p10–p90" } },
            xAxis = new { type = "category", boundaryGap = false, data = band.Labels, name = "UTC", nameLocation = "end", axisLabel = new { color = Palette.Axis } },
            yAxis = new { type = "value", min = percent ? 0 : (double?)null, max = percent ? 100 : (double?)null, name = band.Metric.Unit, axisLabel = new { color = Palette.Axis } },
            series = new object[]
            {
                new { type = "line", name = "history", data = ChartStyle.Round(band.History), showSymbol = false, lineStyle = new { width = 1.5, color = Palette.Primary }, itemStyle = new { color = Palette.Primary }, markLine = new { symbol = "none", silent = true, data = thresholdLines } },
                new { type = "line", name = "_p10", data = ChartStyle.Round(band.P10), showSymbol = false, stack = "band", lineStyle = new { opacity = 0 }, silent = true },
                new { type = "line", name = "p10–p90", data = bandWidth, showSymbol = false, stack = "band", lineStyle = new { opacity = 0 }, areaStyle = new { color = Palette.SecondaryBand }, itemStyle = new { color = Palette.SecondaryBandEdge } },
                new { type = "line", name = "p50", data = ChartStyle.Round(band.P50), showSymbol = false, lineStyle = new { width = 1.5, type = "dashed", color = Palette.Secondary }, itemStyle = new { color = Palette.Secondary } },
            },
        };
    }
}
