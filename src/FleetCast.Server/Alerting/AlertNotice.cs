using System.Text.Json.Serialization;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Server.Alerting;

/// <summary>One alert (a server's incident) as a receiver is told about it: its headline (the most urgent
/// metric) and every metric it lists, as of its last change (fired, severity changed, resolved).
/// <see cref="StartedAt"/> and <see cref="At"/> (when it fired or resolved) are data times;
/// <see cref="FirstSentAt"/> is the wall-clock time it was first sent to this route, which every later send of
/// the alert keeps.</summary>
/// <param name="Profile">Profile wire name, or "unknown".</param>
/// <param name="Repeat">A re-send of an alert already sent (keep-alive or reminder), not a change.</param>
/// <param name="Metrics">Wire names of every metric found during the incident, the current ones first (null in
/// a notice stored by an older FleetCast: the headline alone).</param>
/// <param name="Findings">The metrics found at its last change, most urgent first (null: the headline alone).</param>
/// <remarks>Stored as JSON (firing state, outbox); the computed properties are not written, and rows written
/// before they were left out still read (their copies are ignored).</remarks>
public sealed record AlertNotice(
    bool Firing,
    string Server,
    string Profile,
    Metric Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    double MinutesAhead,
    DateTimeOffset StartedAt,
    DateTimeOffset At,
    DateTimeOffset FirstSentAt,
    bool Repeat = false,
    IReadOnlyList<string>? Metrics = null,
    IReadOnlyList<AlertMetricFinding>? Findings = null)
{
    public const string UnknownProfile = "unknown";

    /// <summary>The alert key receivers group and identify it by: server/headline metric/severity, as its
    /// labels (a change of headline or severity is, to a receiver, one alert resolved and another firing).</summary>
    [JsonIgnore]
    public string Key => AlertKeys.Format(Server, MetricCatalog.WireName(Metric), Severity);

    /// <summary><see cref="Metrics"/>, or the headline alone.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> MetricNames => Metrics is { Count: > 0 } metrics ? metrics : [MetricCatalog.WireName(Metric)];

    /// <summary><see cref="Findings"/>, or the headline alone.</summary>
    [JsonIgnore]
    public IReadOnlyList<AlertMetricFinding> CurrentFindings =>
        Findings is { Count: > 0 } findings ? findings : [new AlertMetricFinding(Metric, Severity, Likelihood, Threshold, PredictedValue, MinutesAhead)];

    public static AlertNotice From(AlertTransition transition, ServerProfile? profile, DateTimeOffset firstSentAt)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var a = transition.Alert;
        var h = a.Headline;
        return new AlertNotice(transition.Kind != AlertTransitionKind.Resolved, a.Server, profile is { } p ? ProfileNames.ToWire(p) : UnknownProfile,
            h.Metric, h.Severity, h.Likelihood, h.Threshold, h.PredictedValue, h.MinutesAhead, a.StartedAt, transition.At, firstSentAt,
            Metrics: a.SeenMetricNames, Findings: a.Metrics);
    }
}
