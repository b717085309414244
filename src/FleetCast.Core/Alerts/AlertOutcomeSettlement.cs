using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>A prediction that settled: its crossing came true at <see cref="At"/>, or its deadline passed without it.</summary>
public sealed record AlertOutcomeSettlement(string Server, Metric Metric, DateTimeOffset StartedAt, AlertSeverity Severity, AlertOutcome Outcome, DateTimeOffset At);
