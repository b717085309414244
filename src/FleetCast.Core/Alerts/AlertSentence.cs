using System.Globalization;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>The one sentence that says what an alert claims, in wire names: the message of the snapshot's
/// alerts (API and dashboard) and the summary sent to alert receivers are both built from it.</summary>
public static class AlertSentence
{
    /// <summary>"cpu_user_pct on ppdb003 is at or beyond 95% now", "… likely to reach 95% in 35 min",
    /// "… may reach 120 MB/s in 60 min" (p90 only).</summary>
    public static string Of(ActiveAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Of(alert.Server, alert.Metric, alert.Likelihood, alert.Threshold, alert.MinutesAhead);
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
