using FleetCast.Core.Profiles;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>ECharts option of the Cascade tab: servers at warning or worse per profile over time.</summary>
public static class CascadeCharts
{
    private const string AxisColor = Palette.Axis;

    public static object ElevatedPerProfile(CascadeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new
        {
            useUTC = true,
            animation = false,
            grid = new { left = 48, right = 24, top = 36, bottom = 36 },
            tooltip = new { trigger = "axis" },
            legend = new { top = 0, data = model.Series.Select(s => ProfileNames.ToWire(s.Profile)).ToArray() },
            xAxis = new { type = "time", min = model.From.ToUnixTimeMilliseconds(), max = model.To.ToUnixTimeMilliseconds(), axisLabel = new { color = AxisColor } },
            yAxis = new { type = "value", minInterval = 1, name = "servers ≥ warning", axisLabel = new { color = AxisColor } },
            series = model.Series.Select(s => (object)new
            {
                type = "line",
                name = ProfileNames.ToWire(s.Profile),
                step = "end",
                showSymbol = false,
                data = s.Points.Select(p => new object[] { p.Time.ToUnixTimeMilliseconds(), p.Count }).ToArray(),
            }).ToArray(),
        };
    }
}
