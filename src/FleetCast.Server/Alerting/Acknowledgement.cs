using FleetCast.Core.Alerts;

namespace FleetCast.Server.Alerting;

/// <summary>Someone has seen a firing alert. It applies to one firing episode of the alert (server +
/// metric + severity that started at <see cref="AlertStartedAt"/>): if the alert resolves and fires again
/// later, the new episode is not acknowledged. <see cref="At"/> is wall-clock time.</summary>
/// <param name="Metric">Wire name of the metric.</param>
public sealed record Acknowledgement(string Server, string Metric, AlertSeverity Severity, DateTimeOffset AlertStartedAt, string By, string? Comment, DateTimeOffset At)
{
    public string Key => AlertKeys.Format(Server, Metric, Severity);

    public bool AppliesTo(string server, string metric, AlertSeverity severity, DateTimeOffset startedAt) =>
        string.Equals(Server, server, StringComparison.Ordinal)
        && string.Equals(Metric, metric, StringComparison.Ordinal)
        && Severity == severity
        && AlertStartedAt.ToUnixTimeSeconds() == startedAt.ToUnixTimeSeconds();
}
