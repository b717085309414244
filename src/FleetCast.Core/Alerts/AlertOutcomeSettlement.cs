using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>A prediction that settled: one of its crossings came true at <see cref="At"/> (<see cref="Metric"/>
/// is the one that did), or its deadline passed without any (<see cref="Metric"/> is its first claim).</summary>
public sealed record AlertOutcomeSettlement(string Server, Metric Metric, DateTimeOffset StartedAt, AlertSeverity Severity, AlertOutcome Outcome, DateTimeOffset At);
