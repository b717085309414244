namespace FleetCast.Dashboard.Services;

/// <summary>When a tab re-reads its stores (SQLite history, alerts, outbox): due at most once per
/// <see cref="Interval"/> as snapshots arrive, never two reads at a time, each read on the thread pool
/// (the stores are synchronous) and dropped quietly when the tab closes mid-read.</summary>
internal sealed class StoreReadThrottle(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _disposed = new();
    private DateTimeOffset? _readAt;
    private bool _running;

    /// <summary>A read is due: none has finished yet, or the last one finished <see cref="Interval"/> ago.</summary>
    public bool Due { get; private set; }

    /// <summary>Call for every new snapshot; marks a read as due when the last one is old enough.</summary>
    public void SnapshotArrived()
    {
        if (_readAt is not { } readAt || time.GetUtcNow() - readAt >= Interval)
        {
            Due = true;
        }
    }

    /// <summary>Runs <paramref name="read"/> off the caller's thread and hands its result to
    /// <paramref name="apply"/> back on the caller's context; does nothing while another read runs.</summary>
    public Task ReadAsync<T>(Func<T> read, Action<T> apply) => ReadAsync(() => Task.Run(read, _disposed.Token), apply);

    /// <summary>Hands the result of a read already under way (one shared with other sessions) to
    /// <paramref name="apply"/>: synchronously when it has finished, so that the component renders once,
    /// not once before and once after the read.</summary>
    public Task ReadAsync<T>(Task<T> read, Action<T> apply) => ReadAsync(() => read, apply);

    private async Task ReadAsync<T>(Func<Task<T>> start, Action<T> apply)
    {
        if (_running)
        {
            return;
        }

        _running = true;
        Due = false;
        try
        {
            // Awaiting a read that has finished goes on synchronously: no render in between.
            var result = await start().WaitAsync(_disposed.Token);
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            apply(result);
            _readAt = time.GetUtcNow();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The tab was closed while reading.
        }
        finally
        {
            _running = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
