using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>One metric of a server's incident as the latest evaluation found it: its severity, how sure, the
/// threshold, the predicted value and how far ahead (0 for a value already over the threshold).</summary>
public sealed record AlertMetricFinding(
    Metric Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    double MinutesAhead)
{
    /// <summary>Most urgent first: critical before warning; within a severity now before likely before
    /// possible, then the sooner crossing, then catalog order.</summary>
    public static int CompareUrgency(AlertMetricFinding x, AlertMetricFinding y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return x.Severity != y.Severity ? y.Severity.CompareTo(x.Severity)
            : x.Likelihood != y.Likelihood ? x.Likelihood.CompareTo(y.Likelihood)
            : x.MinutesAhead != y.MinutesAhead ? x.MinutesAhead.CompareTo(y.MinutesAhead)
            : x.Metric.CompareTo(y.Metric);
    }
}
