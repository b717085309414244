using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Snapshots;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Heatmap;

/// <summary>Servers × (risk + display metrics), grouped by profile and paged so a page never draws
/// more than <see cref="MaxCells"/> cells. Cell values: 0–4 are <see cref="HeatClass"/> for metric
/// columns; <see cref="RiskValueOffset"/> + level index for the risk column.</summary>
public sealed record HeatmapModel(
    IReadOnlyList<string> Columns,
    IReadOnlyList<string> Rows,
    IReadOnlyList<HeatCell> Cells,
    IReadOnlyList<ProfileGroup> Groups,
    int Page,
    int PageCount,
    int RowsPerPage,
    int MatchingServers)
{
    /// <summary>Keeps the chart well under ECharts' ~3,000-element progressive-drawing limit: 200 servers a
    /// page (1,000 servers in 5 pages), about 2.3 px a row in the 520 px chart (300 rows left 1.6 px, and
    /// drawing 2,700 cells made the Heatmap the slowest tab to switch to).</summary>
    public const int MaxCells = 1_800;

    public const int RiskValueOffset = 10;

    public static int ColumnCount => DisplayMetricCatalog.All.Count + 1;

    public static int RowsPerPageFor(int maxCells) => Math.Max(1, maxCells / ColumnCount);

    /// <param name="profile">Only this profile's servers, or all when null.</param>
    /// <param name="page">Zero-based page; clamped to the pages that exist.</param>
    public static HeatmapModel From(FleetSnapshot snapshot, ThresholdTable table, ServerProfile? profile, int page, int maxCells = MaxCells)
    {
        var rowsPerPage = RowsPerPageFor(maxCells);
        var servers = snapshot.Servers
            .Where(s => profile is not { } p || s.Profile == p)
            .OrderBy(s => s.Profile)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToArray();
        var pageCount = Math.Max(1, (servers.Length + rowsPerPage - 1) / rowsPerPage);
        var current = Math.Clamp(page, 0, pageCount - 1);
        var shown = servers.Skip(current * rowsPerPage).Take(rowsPerPage).ToArray();

        var columns = new List<string> { "risk" };
        columns.AddRange(DisplayMetricCatalog.All.Select(m => m.WireName));
        var cells = new List<HeatCell>(shown.Length * columns.Count);
        for (var y = 0; y < shown.Length; y++)
        {
            var row = shown[y];
            var level = LevelStyle.Of(row.Level);
            cells.Add(new HeatCell(0, y, RiskValueOffset + (int)row.Level, $"{row.Name} · risk {DisplayFormat.Score(row.RiskScore)} · {level.Icon} {level.Label}", row.Name));
            for (var m = 0; m < DisplayMetricCatalog.All.Count; m++)
            {
                var metric = DisplayMetricCatalog.All[m];
                var now = row.Display.TryGetValue(metric.WireName, out var value) ? value.Current : null;
                var heat = HeatClassifier.Classify(table.Get(row.Profile, metric.Source), metric, now);
                cells.Add(new HeatCell(m + 1, y, (int)heat, $"{row.Name} · {metric.WireName} {DisplayFormat.Value(now, metric.Unit)} · {HeatClassifier.Label(heat)}", row.Name));
            }
        }

        var groups = shown
            .Select((row, index) => (row.Profile, index))
            .GroupBy(x => x.Profile)
            .Select(g => new ProfileGroup(g.Key, ProfileNames.ToWire(g.Key), g.First().index, g.Count()))
            .ToArray();
        return new HeatmapModel(columns, shown.Select(s => s.Name).ToArray(), cells, groups, current, pageCount, rowsPerPage, servers.Length);
    }
}
