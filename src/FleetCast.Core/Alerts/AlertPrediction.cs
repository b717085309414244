using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>What a predictive alert claimed: <see cref="Metric"/> of <see cref="Server"/> reaches
/// <see cref="Threshold"/> by <see cref="Deadline"/> (data time). Identified like its stored lifecycle
/// row, by server, metric and start.</summary>
public sealed record AlertPrediction(string Server, Metric Metric, DateTimeOffset StartedAt, AlertSeverity Severity, double Threshold, DateTimeOffset Deadline);
