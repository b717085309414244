using System.Globalization;
using FleetCast.Core.Alerts;

namespace FleetCast.Server.Alerting;

/// <summary>Wording and number/time formats shared by the receivers' bodies.</summary>
public static class AlertText
{
    /// <summary>One line for people: the incident's sentence (<see cref="AlertSentence"/>, as in the snapshot, every
    /// metric it lists) and its severity: "cpu_user_pct on ppdb003 likely to reach 95% in 35 min (critical)",
    /// "ppdb003: cpu_idle_pct, mem_used_pct predicted critical in 15 min (critical)".</summary>
    public static string Summary(AlertNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var what = AlertSentence.Of(notice.Server, notice.CurrentFindings);
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
