using System.Globalization;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>The one sentence that says what an alert claims, in wire names: the message of the snapshot's
/// alerts (API and dashboard) and the summary sent to alert receivers are both built from it.</summary>
public static class AlertSentence
{
    /// <summary>An incident of one metric: "cpu_user_pct on ppdb003 is at or beyond 95% now", "… likely to reach
    /// 95% in 35 min", "… may reach 120 MB/s in 60 min" (p90 only). Of several metrics: "web-03: cpu_idle_pct,
    /// mem_used_pct predicted critical in 15 min" (the metrics at the incident's severity, most urgent first, and
    /// the headline's time; "… critical now" when the headline is already over its threshold), followed by
    /// "; swap_used_pct warning" for metrics found at a lower severity.</summary>
    public static string Of(ActiveAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Of(alert.Server, alert.Metrics);
    }

    /// <param name="findings">Most urgent first; an empty list falls back to nothing but the server name.</param>
    public static string Of(string server, IReadOnlyList<AlertMetricFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count <= 1)
        {
            return findings.Count == 0 ? server : Of(server, findings[0].Metric, findings[0].Likelihood, findings[0].Threshold, findings[0].MinutesAhead);
        }

        var headline = findings[0];
        var top = findings.Where(f => f.Severity == headline.Severity).Select(f => MetricCatalog.WireName(f.Metric));
        var severity = headline.Severity == AlertSeverity.Critical ? "critical" : "warning";
        var when = headline.Likelihood == AlertLikelihood.Now
            ? $"{severity} now"
            : $"predicted {severity} in {headline.MinutesAhead.ToString("0", CultureInfo.InvariantCulture)} min";
        var lower = findings.Where(f => f.Severity != headline.Severity).Select(f => MetricCatalog.WireName(f.Metric)).ToArray();
        var rest = lower.Length == 0 ? string.Empty : $"; {string.Join(", ", lower)} warning";
        return $"{server}: {string.Join(", ", top)} {when}{rest}";
    }

    public static string Of(string server, Metric metric, AlertLikelihood likelihood, double threshold, double minutesAhead)
    {
        var definition = MetricCatalog.Get(metric);
        var value = threshold.ToString("0.##", CultureInfo.InvariantCulture) + definition.Unit switch
        {
            "%" => "%",
            "" => string.Empty,
            var unit => " " + unit,
        };
        var minutes = minutesAhead.ToString("0", CultureInfo.InvariantCulture);
        return likelihood switch
        {
            AlertLikelihood.Now => $"{definition.WireName} on {server} is at or beyond {value} now",
            AlertLikelihood.Likely => $"{definition.WireName} on {server} likely to reach {value} in {minutes} min",
            _ => $"{definition.WireName} on {server} may reach {value} in {minutes} min",
        };
    }
}
