namespace FleetCast.DashboardBench;

/// <summary>One page load, in ms from navigation start (the page's own clock): the first tab panel
/// marked ready, the first chart drawn; bytes transferred over HTTP (not counting the WebSocket).</summary>
internal readonly record struct LoadTiming(double PanelMs, double ChartMs, double TransferredBytes);
