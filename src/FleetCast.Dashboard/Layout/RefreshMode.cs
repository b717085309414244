namespace FleetCast.Dashboard.Layout;

/// <summary>How the dashboard follows new snapshots: every one, at most once per interval, or not at all.</summary>
public enum RefreshMode
{
    Live,
    Interval,
    Paused,
}
