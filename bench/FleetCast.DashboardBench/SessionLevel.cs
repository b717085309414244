namespace FleetCast.DashboardBench;

/// <summary>The server under <see cref="Pages"/> concurrent dashboard pages: its CPU (% of one core)
/// (with the circuits the server counted) and median resident memory over the measured steps, and the pages' snapshot-to-display delays.</summary>
internal sealed record SessionLevel(int Pages, int Circuits, double CpuPercent, long RssBytes, Percentiles Delays, int Missed, string LoadAverage);
