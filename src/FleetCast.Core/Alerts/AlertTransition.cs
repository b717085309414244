namespace FleetCast.Core.Alerts;

/// <summary>A lifecycle change to store: an alert started firing, changed severity within its lifecycle
/// (<see cref="PreviousSeverity"/> holds the old one), or resolved (with its end and duration).</summary>
public sealed record AlertTransition(ActiveAlert Alert, AlertTransitionKind Kind, DateTimeOffset At)
{
    public TimeSpan? Duration => Kind == AlertTransitionKind.Resolved ? At - Alert.StartedAt : null;

    /// <summary>The severity before a <see cref="AlertTransitionKind.SeverityChanged"/>; null otherwise.</summary>
    public AlertSeverity? PreviousSeverity { get; init; }
}

public enum AlertTransitionKind
{
    Fired,
    SeverityChanged,
    Resolved,
}
