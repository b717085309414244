using FleetCast.Dashboard.Shared;


namespace FleetCast.Dashboard.Tabs.Overview;

/// <summary>The Overview tab's ECharts options: the riskiest servers and servers per level.</summary>
public static class OverviewCharts
{
    public static object TopServers(IReadOnlyList<RiskBar> servers)
    {
        // Horizontal bars read top-down, so the riskiest server goes last on the category axis.
        var ordered = servers.Reverse().ToArray();
        return new
        {
            grid = new { left = 90, right = 24, top = 8, bottom = 24 },
            tooltip = new { trigger = "item" },
            xAxis = new { type = "value", min = 0, max = 100, name = "risk", axisLabel = new { color = Palette.Axis } },
            yAxis = new { type = "category", data = ordered.Select(s => s.Server).ToArray(), axisLabel = new { color = Palette.Axis } },
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
        xAxis = new { type = "value", minInterval = 1, axisLabel = new { color = Palette.Axis } },
        yAxis = new { type = "category", inverse = true, data = counts.Select(c => $"{c.Style.Icon} {c.Style.Label}").ToArray(), axisLabel = new { color = Palette.Axis } },
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
}
