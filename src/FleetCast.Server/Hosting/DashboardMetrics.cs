using FleetCast.Server.Components.Services;
using Prometheus;

namespace FleetCast.Server.Hosting;

/// <summary>Prometheus view of the dashboard: open sessions, read at scrape time.</summary>
public sealed class DashboardMetrics
{
    public DashboardMetrics(CollectorRegistry registry, DashboardSessions sessions)
    {
        var open = Metrics.WithCustomRegistry(registry).CreateGauge("fleetcast_dashboard_sessions", "Open dashboard sessions (Blazor circuits).");
        registry.AddBeforeCollectCallback(() => open.Set(sessions.Open));
    }
}
