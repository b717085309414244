using System.Globalization;
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
}
