namespace FleetCast.Dashboard.Services;

/// <summary>How many dashboard sessions (Blazor circuits) are open now; shown on /metrics as
/// <c>fleetcast_dashboard_sessions</c>.</summary>
public sealed class DashboardSessions
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    internal void Opened() => Interlocked.Increment(ref _open);

    internal void Closed() => Interlocked.Decrement(ref _open);
}
