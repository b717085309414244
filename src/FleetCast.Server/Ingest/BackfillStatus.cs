namespace FleetCast.Server.Ingest;

/// <summary>Whether history is being back-filled (stored in bulk, e.g. the simulator's first two days).
/// The engine still scores the steps it computes meanwhile, but raises no alert on history: an alert
/// about a moment that passed hours ago pages nobody usefully and would fire and resolve by the hundred.</summary>
public sealed class BackfillStatus
{
    private int _active;

    public bool Active => Volatile.Read(ref _active) > 0;

    /// <summary>Marks a back-fill as running until the returned handle is disposed.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _active);
        return new Handle(this);
    }

    private sealed class Handle(BackfillStatus status) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref status._active);
            }
        }
    }
}
