using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Snapshots;

/// <summary>An active alert as the API and dashboard show it.</summary>
/// <param name="Metric">Wire name of the metric.</param>
public sealed record AlertView(
    string Server,
    ServerProfile Profile,
    string Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    double MinutesAhead,
    DateTimeOffset StartedAt,
    string Message);
