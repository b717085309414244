using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Server.Storage;

/// <summary>A stored alert (a server's incident) with its lifecycle; EndedAt and Duration are null while it
/// fires. <see cref="Headline"/> is the most urgent metric at the last change.</summary>
public sealed record AlertRecord(
    long Id,
    string Server,
    AlertMetricFinding Headline,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt)
{
    public TimeSpan? Duration => EndedAt - StartedAt;

    /// <summary>The highest severity the lifecycle reached (it escalates and de-escalates in place).</summary>
    public AlertSeverity PeakSeverity { get; init; } = Headline.Severity;

    /// <summary>Whether the predicted crossing happened within its horizon; null for an alert that fired
    /// on a value already over its threshold (it predicted nothing).</summary>
    public AlertOutcome? Outcome { get; init; }

    /// <summary>Every metric found during the lifecycle (as of its last change; complete once it resolved),
    /// the current ones first.</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = [Headline.Metric];

    /// <summary>When the outcome settled (data time): the crossing, or the end of the horizon.</summary>
    public DateTimeOffset? OutcomeAt { get; init; }

    /// <summary>The severity the outcome's claim was made at (the one its precision counts under); null when
    /// <see cref="Outcome"/> is.</summary>
    public AlertSeverity? OutcomeSeverity { get; init; }
}
