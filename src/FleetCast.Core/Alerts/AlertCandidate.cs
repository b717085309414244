using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>One threshold crossing found in one evaluation (before persistence and de-duplication).</summary>
public sealed record AlertCandidate(
    string Server,
    Metric Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    int StepsAhead,
    double MinutesAhead)
{
    /// <summary>The server's incident this crossing belongs to.</summary>
    public AlertKey Key => new(Server);

    public AlertMetricFinding ToFinding() => new(Metric, Severity, Likelihood, Threshold, PredictedValue, MinutesAhead);
}
