using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Server.Storage;

/// <summary>A stored alert with its lifecycle; EndedAt and Duration are null while it fires.</summary>
public sealed record AlertRecord(
    long Id,
    string Server,
    Metric Metric,
    AlertSeverity Severity,
    AlertLikelihood Likelihood,
    double Threshold,
    double PredictedValue,
    double MinutesAhead,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    public TimeSpan? Duration => EndedAt - StartedAt;
}
