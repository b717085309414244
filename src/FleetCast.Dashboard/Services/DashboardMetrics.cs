using Prometheus;

namespace FleetCast.Dashboard.Services;

/// <summary>Prometheus view of the dashboard: open sessions, read at scrape time, and the server's share
/// of each session's update delay.</summary>
public sealed class DashboardMetrics
{
    // 0.5 ms to about 5.6 s in steps of 1.5×: fine enough to read a p95 from the buckets.
    private static readonly double[] UpdateBuckets = Histogram.ExponentialBuckets(0.0005, 1.5, 24);

    public DashboardMetrics(CollectorRegistry registry, DashboardSessions sessions, DashboardUpdateDelays updateDelays)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        var open = factory.CreateGauge("fleetcast_dashboard_sessions", "Open dashboard sessions (Blazor circuits).");
        registry.AddBeforeCollectCallback(() => open.Set(sessions.Open));
        var updates = factory.CreateHistogram(
            "fleetcast_dashboard_update_seconds",
            "Time from a snapshot's publication until a dashboard session's update with it was rendered and handed to the session's connection (the browser draws it after that).",
            new HistogramConfiguration { Buckets = UpdateBuckets });
        updateDelays.Subscribe(delay => updates.Observe(delay.TotalSeconds));
    }
}
