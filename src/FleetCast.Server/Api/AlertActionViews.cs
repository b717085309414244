using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Snapshots;
using FleetCast.Server.Alerting;

namespace FleetCast.Server.Api;

/// <summary>A firing alert (a server's one incident) with its stored event id (null until the engine has stored
/// it) and what people did about it. Silenced alerts are listed too, flagged by <see cref="Silenced"/>. Metric
/// to MinutesAhead are its headline (most urgent metric); <see cref="Metrics"/> names every metric found during
/// the incident (current ones first) and <see cref="Findings"/> each one found now.</summary>
public sealed record ActiveAlertItem(
    long? Id,
    string Key,
    string Server,
    ServerProfile Profile,
    string Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    double MinutesAhead,
    DateTimeOffset StartedAt,
    string Message,
    AcknowledgedView? Acknowledged,
    SilencedView? Silenced,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<AlertFindingView> Findings)
{
    public static ActiveAlertItem From(AlertView alert, AlertActionStatus status, long? id) => new(
        id, AlertKeys.Format(alert.Server, alert.Metric, alert.Severity), alert.Server, alert.Profile, alert.Metric, alert.Severity, alert.Likelihood,
        alert.Threshold, alert.PredictedValue, alert.MinutesAhead, alert.StartedAt, alert.Message,
        status.Acknowledged is { } a ? new AcknowledgedView(a.By, a.At, a.Comment) : null,
        status.Silenced is { } s ? new SilencedView(s.Id, s.By, s.Until, s.Reason) : null,
        alert.Metrics, alert.Findings);
}

public sealed record AcknowledgedView(string By, DateTimeOffset At, string? Comment);

public sealed record SilencedView(long SilenceId, string By, DateTimeOffset Until, string Reason);

/// <summary>A silence as the API shows it; <see cref="Active"/> is evaluated at the time of the response.</summary>
public sealed record SilenceView(long Id, string? Server, string? Metric, string By, string Reason, DateTimeOffset CreatedAt, DateTimeOffset Until,
    bool Active, DateTimeOffset? CancelledAt, string? CancelledBy)
{
    public static SilenceView From(Silence s, DateTimeOffset now) =>
        new(s.Id, s.Server, s.Metric, s.By, s.Reason, s.CreatedAt, s.Until, s.IsActiveAt(now), s.CancelledAt, s.CancelledBy);
}

public sealed record SilenceListResponse(int Count, IReadOnlyList<SilenceView> Silences);

public sealed record AcknowledgementResponse(string Key, string Server, string Metric, AlertSeverity Severity, DateTimeOffset AlertStartedAt,
    string By, DateTimeOffset At, string? Comment)
{
    public static AcknowledgementResponse From(Acknowledgement a) =>
        new(a.Key, a.Server, a.Metric, a.Severity, a.AlertStartedAt, a.By, a.At, a.Comment);
}
