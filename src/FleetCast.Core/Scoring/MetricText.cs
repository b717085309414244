using System.Globalization;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Scoring;

/// <summary>How metrics read in explanations: CPU as a whole is "cpu" (100 − idle), others use their
/// catalog display name and unit ("memory 97%", "load average 13.5", "network in 120 MB/s").</summary>
public static class MetricText
{
    /// <summary>The name people read: "cpu" for cpu_idle_pct (shown as 100 − idle), else the display name.</summary>
    public static string Label(Metric metric) =>
        metric == Metric.CpuIdlePct ? "cpu" : MetricCatalog.Get(metric).DisplayName;

    /// <summary>The value as people read it: idle is turned into cpu used; at most one decimal.</summary>
    public static double Shown(Metric metric, double value) => metric == Metric.CpuIdlePct ? 100 - value : value;

    /// <summary>"97%", "13.5", "120 MB/s", "40 connections" (the value as given, already converted).</summary>
    public static string FormatValue(Metric metric, double shownValue)
    {
        var number = shownValue.ToString("0.#", CultureInfo.InvariantCulture);
        var unit = MetricCatalog.Get(metric).Unit;
        return unit switch
        {
            "%" => number + "%",
            "" => number,
            _ => $"{number} {unit}",
        };
    }

    /// <summary>"1 h", "2 h", "35 min", "90 min": whole hours in hours, anything else in minutes.</summary>
    public static string FormatDuration(double minutes)
    {
        if (minutes >= 60 && Math.Abs(minutes % 60) < 1e-9)
        {
            return (minutes / 60).ToString("0", CultureInfo.InvariantCulture) + " h";
        }

        return minutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";
    }

    /// <summary>"memory 97% now".</summary>
    public static string Now(Metric metric, double value) =>
        $"{Label(metric)} {FormatValue(metric, Shown(metric, value))} now";

    /// <summary>"cpu 99% predicted within 1 h".</summary>
    public static string Predicted(Metric metric, double value, double withinMinutes) =>
        $"{Label(metric)} {FormatValue(metric, Shown(metric, value))} predicted within {FormatDuration(withinMinutes)}";

    /// <summary>"memory 98.6% ≥ critical 98%" (for idle, "cpu 92% ≥ critical 90%").</summary>
    public static string Breach(Metric metric, double value, AlertSeverity severity, double threshold) =>
        $"{Label(metric)} {FormatValue(metric, Shown(metric, value))} ≥ {SeverityWord(severity)} {FormatValue(metric, Shown(metric, threshold))}";

    /// <summary>"critical alert: memory likely to reach 98% in 35 min".</summary>
    public static string Alert(ActiveAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Alert(alert.Headline);
    }

    /// <summary>One metric of an incident: "critical alert: memory likely to reach 98% in 35 min".</summary>
    public static string Alert(AlertMetricFinding alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var threshold = FormatValue(alert.Metric, Shown(alert.Metric, alert.Threshold));
        var what = alert.Likelihood switch
        {
            AlertLikelihood.Now => $"{Label(alert.Metric)} at or beyond {threshold}",
            AlertLikelihood.Likely => $"{Label(alert.Metric)} likely to reach {threshold} in {FormatDuration(alert.MinutesAhead)}",
            _ => $"{Label(alert.Metric)} may reach {threshold} in {FormatDuration(alert.MinutesAhead)}",
        };
        return $"{SeverityWord(alert.Severity)} alert: {what}";
    }

    private static string SeverityWord(AlertSeverity severity) => severity == AlertSeverity.Critical ? "critical" : "warning";
}
