namespace FleetCast.DashboardBench;

/// <summary>One page's snapshot-to-display delays (ms) in a window, and the snapshots it never showed
/// (merged away by the session's throttle, or not shown before the window closed).</summary>
internal sealed record PageUpdates(IReadOnlyList<double> DelaysMs, int Missed);
