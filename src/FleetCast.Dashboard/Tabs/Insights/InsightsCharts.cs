using System.Globalization;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>ECharts options of the Insights tab, built from <see cref="InsightsModel"/>.</summary>
public static class InsightsCharts
{
    public const string FeaturesChart = "insights-features";
    public const string AttentionChart = "insights-attention";

    private const string AxisColor = Palette.Axis;
    private const string BarColor = Palette.Secondary;
    private const string LineColor = Palette.Primary;

    /// <summary>Horizontal bars of the look-back variable selection weights, largest on top, in percent.</summary>
    public static object Features(IReadOnlyList<FeatureBar> features)
    {
        // Horizontal bars read top-down, so the largest weight goes last on the category axis.
        var ordered = features.Reverse().ToArray();
        return new
        {
            grid = new { left = 190, right = 48, top = 8, bottom = 32 },
            tooltip = new { trigger = "item" },
            xAxis = new { type = "value", min = 0, name = "% of weight", nameLocation = "middle", nameGap = 22, axisLabel = new { color = AxisColor } },
            yAxis = new { type = "category", data = ordered.Select(f => f.Label).ToArray(), axisLabel = new { color = AxisColor } },
            series = new object[]
            {
                new
                {
                    type = "bar",
                    name = "variable selection weight",
                    itemStyle = new { color = BarColor },
                    label = new { show = true, position = "right", color = AxisColor, formatter = "{c}%" },
                    data = ordered.Select(f => new
                    {
                        value = Math.Round(f.Weight * 100, 1),
                        tip = string.Create(CultureInfo.InvariantCulture, $"{f.Label} ({f.Feature}) · {f.Weight * 100:0.0}% of the look-back selection weight"),
                    }).ToArray(),
                },
            },
        };
    }

    /// <summary>Attention per look-back step on a UTC time axis, in percent of all attention.</summary>
    public static object Attention(IReadOnlyList<AttentionPoint> attention) => new
    {
        useUTC = true,
        grid = new { left = 56, right = 24, top = 28, bottom = 36 },
        tooltip = new { trigger = "axis" },
        xAxis = new
        {
            type = "time",
            min = attention.Count > 0 ? attention[0].Time.ToUnixTimeMilliseconds() : (long?)null,
            max = attention.Count > 0 ? attention[^1].Time.ToUnixTimeMilliseconds() : (long?)null,
            name = "UTC",
            nameLocation = "end",
            axisLabel = new { color = AxisColor },
        },
        yAxis = new { type = "value", min = 0, name = "% of attention", axisLabel = new { color = AxisColor } },
        series = new object[]
        {
            new
            {
                type = "bar",
                name = "attention",
                barMaxWidth = 12,
                itemStyle = new { color = LineColor },
                data = attention.Select(a => new object[] { a.Time.ToUnixTimeMilliseconds(), Math.Round(a.Weight * 100, 3) }).ToArray(),
            },
        },
    };
}
