using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Snapshots;

/// <summary>One metric of an incident as the API and dashboard show it.</summary>
/// <param name="Metric">Wire name.</param>
public sealed record AlertFindingView(string Metric, AlertSeverity Severity, AlertLikelihood Likelihood, double Threshold, double PredictedValue, double MinutesAhead)
{
    public static AlertFindingView From(AlertMetricFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(MetricCatalog.WireName(finding.Metric), finding.Severity, finding.Likelihood, finding.Threshold, finding.PredictedValue, finding.MinutesAhead);
    }
}
