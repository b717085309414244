namespace FleetCast.Core.Alerts;

/// <summary>Someone has seen a firing alert. It applies to one firing episode of the server's incident at one
/// severity (server + severity, started at <see cref="AlertStartedAt"/>), whichever metric heads it: if the
/// incident escalates, or resolves and fires again later, the new severity or episode is not acknowledged.
/// <see cref="At"/> is wall-clock time.</summary>
/// <param name="Metric">Wire name of the incident's headline metric when it was acknowledged.</param>
public sealed record Acknowledgement(string Server, string Metric, AlertSeverity Severity, DateTimeOffset AlertStartedAt, string By, string? Comment, DateTimeOffset At)
{
    public string Key => AlertKeys.Format(Server, Metric, Severity);

    public bool AppliesTo(string server, AlertSeverity severity, DateTimeOffset startedAt) =>
        string.Equals(Server, server, StringComparison.Ordinal)
        && Severity == severity
        && AlertStartedAt.ToUnixTimeSeconds() == startedAt.ToUnixTimeSeconds();
}
