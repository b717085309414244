using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Options;
namespace FleetCast.Server.Tests.Shared;

/// <summary>Alerts, transitions and routes for the routing tests.</summary>
public static class TestAlerts
{
    public static ActiveAlert Alert(string server = "ppdb003", Metric metric = Metric.MemUsedPct, AlertSeverity severity = AlertSeverity.Critical,
        DateTimeOffset? startedAt = null, AlertLikelihood likelihood = AlertLikelihood.Likely)
    {
        var start = startedAt ?? Samples.Origin;
        return new ActiveAlert(server, new AlertMetricFinding(metric, severity, likelihood, 98, 98.6, 35), start, start);
    }

    /// <summary>One server's incident listing <paramref name="metrics"/> (the first is the headline), each
    /// critical and likely in 35 min.</summary>
    public static ActiveAlert Incident(string server, params Metric[] metrics)
    {
        var headline = Alert(server, metrics[0]);
        return headline with
        {
            Metrics = [.. metrics.Select(m => headline.Headline with { Metric = m })],
            SeenMetrics = metrics,
        };
    }

    public static AlertTransition Fired(ActiveAlert alert) => new(alert, AlertTransitionKind.Fired, alert.StartedAt);

    public static AlertTransition Resolved(ActiveAlert alert, TimeSpan after) => new(alert, AlertTransitionKind.Resolved, alert.StartedAt + after);

    public static AlertRouteOptions Route(string name, string type, string url, string minLevel = "warning", string? profiles = null,
        string? metrics = null, string? token = null) => new()
        {
            Name = name,
            Type = type,
            Url = url,
            MinLevel = minLevel,
            Profiles = profiles,
            Metrics = metrics,
            BearerToken = token,
        };
}
