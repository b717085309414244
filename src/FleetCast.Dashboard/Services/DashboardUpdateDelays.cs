namespace FleetCast.Dashboard.Services;

/// <summary>The server's share of the update delay: for every snapshot a session shows as it arrives,
/// the time from its publication until the session's render of it was handed to the session's
/// connection (the browser draws it after that). Shown on /metrics as
/// <c>fleetcast_dashboard_update_seconds</c>.</summary>
public sealed class DashboardUpdateDelays
{
    private readonly object _gate = new();
    private Action<TimeSpan>? _observers;

    /// <summary>Calls <paramref name="observer"/> with every delay recorded from now on, on the session's
    /// thread: it must be quick and must not throw.</summary>
    public void Subscribe(Action<TimeSpan> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate)
        {
            _observers += observer;
        }
    }

    internal void Record(TimeSpan sincePublished) => Volatile.Read(ref _observers)?.Invoke(sincePublished);
}
