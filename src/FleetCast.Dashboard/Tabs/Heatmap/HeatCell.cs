namespace FleetCast.Dashboard.Tabs.Heatmap;

/// <summary>One heatmap cell: column, row, colour value (see <see cref="HeatmapModel"/>), tooltip and the server it drills into.</summary>
public sealed record HeatCell(int X, int Y, int Value, string Tip, string Server);
