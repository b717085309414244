namespace FleetCast.Core.Alerts;

/// <summary>Merges several firing alerts of one server (restored from a database written when alerts were per
/// server + metric) into its one incident.</summary>
public static class IncidentMerge
{
    /// <summary>The earliest start, the latest evaluation, the most urgent headline, one finding per metric
    /// (its most urgent) and every metric seen. One alert is returned as it is.</summary>
    public static ActiveAlert Of(IReadOnlyList<ActiveAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Count == 0)
        {
            throw new ArgumentException("At least one alert is needed.", nameof(alerts));
        }

        if (alerts.Count == 1)
        {
            return alerts[0];
        }

        var findings = alerts.SelectMany(a => a.Metrics)
            .GroupBy(f => f.Metric)
            .Select(g => g.Order(Comparer<AlertMetricFinding>.Create(AlertMetricFinding.CompareUrgency)).First())
            .Order(Comparer<AlertMetricFinding>.Create(AlertMetricFinding.CompareUrgency))
            .ToArray();
        return ActiveAlert.FromFindings(alerts[0].Server, findings, alerts.SelectMany(a => a.SeenMetrics),
            alerts.Min(a => a.StartedAt), alerts.Max(a => a.LastEvaluatedAt));
    }
}
