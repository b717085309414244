namespace FleetCast.DashboardBench;

/// <summary>The server under <see cref="Pages"/> concurrent dashboard pages: its CPU (% of one core)
/// (with the circuits the server counted), median resident memory and median managed heap over the
/// measured steps, the live managed heap after a full collection at the end of the level, the pages'
/// snapshot-to-display delays, and the server's share of them (seconds, from its histogram).</summary>
internal sealed record SessionLevel(int Pages, int Circuits, double CpuPercent, long RssBytes, long ManagedHeapBytes, long? LiveHeapBytes, Percentiles Delays, int Missed, BucketHistogram ServerDelays, string LoadAverage);
