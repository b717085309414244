using System.Globalization;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Server.Alerting;

/// <summary>Wording and number/time formats shared by the receivers' bodies.</summary>
public static class AlertText
{
    /// <summary>One line for people: "cpu_user_pct on ppdb003 likely to reach 95 in 35 min (critical)".</summary>
    public static string Summary(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var metric = MetricCatalog.Get(notice.Metric);
        var threshold = Number(notice.Threshold) + metric.Unit;
        var what = notice.Likelihood switch
        {
            AlertLikelihood.Now => $"{metric.WireName} on {notice.Server} is over {threshold} now",
            AlertLikelihood.Likely => $"{metric.WireName} on {notice.Server} likely to reach {threshold} in {Number(notice.MinutesAhead)} min",
            _ => $"{metric.WireName} on {notice.Server} could reach {threshold} in {Number(notice.MinutesAhead)} min",
        };
        return notice.Firing
            ? $"{what} ({SeverityName(notice.Severity)})"
            : $"resolved after {Number(Math.Round((notice.At - notice.StartedAt).TotalMinutes))} min: {what} ({SeverityName(notice.Severity)})";
    }

    public static string SeverityName(AlertSeverity severity) => severity == AlertSeverity.Critical ? "critical" : "warning";

    public static string LikelihoodName(AlertLikelihood likelihood) => likelihood switch
    {
        AlertLikelihood.Now => "now",
        AlertLikelihood.Likely => "likely",
        _ => "possible",
    };

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>UTC, ISO 8601, whole seconds.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
