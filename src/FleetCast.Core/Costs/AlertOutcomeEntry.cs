using FleetCast.Core.Alerts;

namespace FleetCast.Core.Costs;

/// <summary>One predictive alert as the cost estimate sees it: the severity it claimed, when it fired and how its
/// claim settled (<see cref="OutcomeAt"/> is the crossing for one that came true).</summary>
public sealed record AlertOutcomeEntry(AlertSeverity Severity, DateTimeOffset StartedAt, AlertOutcome Outcome, DateTimeOffset? OutcomeAt)
{
    /// <summary>Warning time the alert gave: from firing to the predicted crossing; null unless it came true.</summary>
    public TimeSpan? Lead => Outcome == AlertOutcome.CameTrue && OutcomeAt is { } at ? at - StartedAt : null;
}
