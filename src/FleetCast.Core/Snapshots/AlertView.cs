using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Snapshots;

/// <summary>An active alert (a server's one incident) as the API and dashboard show it: the positional fields
/// are its headline (the most urgent metric).</summary>
/// <param name="Metric">Wire name of the headline metric.</param>
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
    string Message)
{
    private readonly IReadOnlyList<string>? _metrics;
    private readonly IReadOnlyList<AlertFindingView>? _findings;

    /// <summary>Wire names of every metric found during the lifecycle, the current ones first (most urgent
    /// first); the headline metric alone unless set.</summary>
    public IReadOnlyList<string> Metrics
    {
        get => _metrics ?? [Metric];
        init => _metrics = value;
    }

    /// <summary>Each metric the latest evaluation found, most urgent first; the headline alone unless set.</summary>
    public IReadOnlyList<AlertFindingView> Findings
    {
        get => _findings ?? [new AlertFindingView(Metric, Severity, Likelihood, Threshold, PredictedValue, MinutesAhead)];
        init => _findings = value;
    }

    /// <summary>Value equality, the metric lists compared item by item.</summary>
    public bool Equals(AlertView? other) =>
        other is not null
        && Server == other.Server && Profile == other.Profile && Metric == other.Metric && Severity == other.Severity
        && Likelihood == other.Likelihood && Threshold.Equals(other.Threshold) && PredictedValue.Equals(other.PredictedValue)
        && MinutesAhead.Equals(other.MinutesAhead) && StartedAt == other.StartedAt && Message == other.Message
        && Metrics.SequenceEqual(other.Metrics) && Findings.SequenceEqual(other.Findings);

    public override int GetHashCode() => HashCode.Combine(Server, Metric, Severity, StartedAt, Message, Metrics.Count);
}
