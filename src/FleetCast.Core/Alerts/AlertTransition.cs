namespace FleetCast.Core.Alerts;

/// <summary>A lifecycle change to store: an alert started firing, or resolved (with its end and duration).</summary>
public sealed record AlertTransition(ActiveAlert Alert, AlertTransitionKind Kind, DateTimeOffset At)
{
    public TimeSpan? Duration => Kind == AlertTransitionKind.Resolved ? At - Alert.StartedAt : null;
}

public enum AlertTransitionKind
{
    Fired,
    Resolved,
}
