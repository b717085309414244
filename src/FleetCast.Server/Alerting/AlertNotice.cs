using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Server.Alerting;

/// <summary>One alert as a receiver is told about it. <see cref="StartedAt"/> and <see cref="At"/> (when it
/// fired or resolved) are data times; <see cref="FirstSentAt"/> is the wall-clock time it was first sent
/// to this route, which every later send of the alert keeps.</summary>
/// <param name="Profile">Profile wire name, or "unknown".</param>
/// <param name="Repeat">A re-send of an alert already sent (keep-alive or reminder), not a change.</param>
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
    bool Repeat = false)
{
    public const string UnknownProfile = "unknown";

    /// <summary>The alert key receivers group and identify it by: server/metric/severity.</summary>
    public string Key => AlertKeys.Format(Server, MetricCatalog.WireName(Metric), Severity);

    public static AlertNotice From(AlertTransition transition, ServerProfile? profile, DateTimeOffset firstSentAt)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var a = transition.Alert;
        return new AlertNotice(transition.Kind != AlertTransitionKind.Resolved, a.Server, profile is { } p ? ProfileNames.ToWire(p) : UnknownProfile,
            a.Metric, a.Severity, a.Likelihood, a.Threshold, a.PredictedValue, a.MinutesAhead, a.StartedAt, transition.At, firstSentAt);
    }
}
