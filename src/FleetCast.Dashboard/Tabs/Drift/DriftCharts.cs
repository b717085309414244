using FleetCast.Core.Levels;
using FleetCast.Dashboard.Shared;
using FleetCast.Forecasting.Live;

namespace FleetCast.Dashboard.Tabs.Drift;

/// <summary>ECharts options of the "Drift &amp; model" tab: live pinball and coverage per horizon bucket, and
/// PSI per metric with the usual 0.1 / 0.25 guide lines. Buckets without enough matured points are gaps.</summary>
public static class DriftCharts
{
    private const string AxisColor = Palette.Axis;

    public static object LivePinball(LiveAccuracyReport live) => Grouped(live, "pinball (normalised)", b => b.PinballMean, null, null);

    public static object LiveCoverage(LiveAccuracyReport live) => Grouped(live, "p10–p90 coverage", b => b.Coverage80, 1.0, 0.8);

    public static object Psi(InputDriftReport report)
    {
        var measured = report.Metrics.Where(m => m.Psi is not null).ToArray();
        return new
        {
            animation = false,
            grid = new { left = 120, right = 40, top = 16, bottom = 28 },
            tooltip = new { trigger = "item" },
            xAxis = new { type = "value", min = 0, name = "PSI", axisLabel = new { color = AxisColor } },
            yAxis = new { type = "category", inverse = true, data = measured.Select(m => m.Metric).ToArray(), axisLabel = new { color = AxisColor } },
            series = new object[]
            {
                new
                {
                    type = "bar",
                    name = "PSI",
                    data = measured.Select(m => new
                    {
                        value = Math.Round(m.Psi!.Value, 4),
                        tip = $"{m.Metric}: PSI {DriftModel.Number(m.Psi, "0.000")} ({m.Status})",
                        itemStyle = new { color = StatusColor(m.Status) },
                    }).ToArray(),
                    markLine = new
                    {
                        symbol = "none",
                        silent = true,
                        data = new object[]
                        {
                            new { xAxis = PopulationStability.ModerateShift, lineStyle = new { color = Palette.Level(RiskLevel.Warning), type = "dashed" }, label = new { formatter = "0.1 moderate" } },
                            new { xAxis = PopulationStability.SignificantShift, lineStyle = new { color = Palette.Level(RiskLevel.Critical), type = "dashed" }, label = new { formatter = "0.25 significant" } },
                        },
                    },
                },
            },
        };
    }

    public static string StatusColor(string status) => status switch
    {
        "significant" => Palette.Level(RiskLevel.Critical),
        "moderate" => Palette.Level(RiskLevel.Warning),
        "stable" => Palette.Level(RiskLevel.Healthy),
        _ => Palette.NoData,
    };

    private static object Grouped(LiveAccuracyReport live, string axisName, Func<LiveBucketAccuracy, double?> value, double? max, double? guide)
    {
        var series = live.Forecasters.Select((f, i) =>
        {
            var color = new { color = Palette.Series[i % Palette.Series.Count] };
            var data = f.Buckets.Select(b => b.Sufficient && value(b) is { } v ? Math.Round(v, 4) : (double?)null).ToArray();
            return guide is { } g && i == 0
                ? (object)new
                {
                    type = "bar",
                    name = f.Name,
                    itemStyle = color,
                    data,
                    markLine = new { symbol = "none", silent = true, data = new object[] { new { yAxis = g, lineStyle = new { color = AxisColor, type = "dashed" }, label = new { formatter = "80% target" } } } },
                }
                : new { type = "bar", name = f.Name, itemStyle = color, data };
        }).ToArray();
        object yAxis = max is { } top
            ? new { type = "value", min = 0, max = top, name = axisName, axisLabel = new { color = AxisColor } }
            : new { type = "value", min = 0, name = axisName, axisLabel = new { color = AxisColor } };
        return new
        {
            animation = false,
            grid = new { left = 56, right = 24, top = 36, bottom = 28 },
            legend = new { top = 0 },
            tooltip = new { trigger = "axis" },
            xAxis = new { type = "category", data = live.Buckets.Select(b => b.Label).ToArray(), axisLabel = new { color = AxisColor } },
            yAxis,
            series,
        };
    }
}
