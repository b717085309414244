using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>A firing alert with its latest evaluation. Times are data times, not wall-clock times.</summary>
public sealed record ActiveAlert(
    string Server,
    Metric Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    double MinutesAhead,
    DateTimeOffset StartedAt,
    DateTimeOffset LastEvaluatedAt)
{
    public AlertKey Key => new(Server, Metric);
}
