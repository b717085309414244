using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Services;

/// <summary>Subscribes to snapshot publishes and calls back with the latest one, merged and throttled:
/// a callback already queued is not queued twice and calls are at least <c>minInterval</c> apart
/// (after Aspire's CallbackThrottler). The callback also gets the snapshot's publication time, as a
/// timestamp of the <see cref="TimeProvider"/>. Dispose to unsubscribe.</summary>
public sealed class SnapshotUpdateThrottle : IDisposable
{
    public static readonly TimeSpan DefaultMinInterval = TimeSpan.FromMilliseconds(100);

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _minInterval;
    private readonly Func<PublishedSnapshot, long, Task> _callback;
    private readonly IDisposable _subscription;
    private PublishedSnapshot? _latest;
    private long _latestPublishedAt;
    private ITimer? _timer;
    private DateTimeOffset _lastCall = DateTimeOffset.MinValue;
    private bool _queued;
    private bool _disposed;

    public SnapshotUpdateThrottle(ISnapshotSource source, TimeProvider time, TimeSpan minInterval, Func<PublishedSnapshot, long, Task> callback)
    {
        _time = time;
        _minInterval = minInterval;
        _callback = callback;
        _subscription = source.Subscribe(OnPublished);
    }

    private void OnPublished(PublishedSnapshot snapshot)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _latest = snapshot;
            _latestPublishedAt = _time.GetTimestamp();
            if (_queued)
            {
                return;
            }

            _queued = true;
            var wait = _lastCall + _minInterval - _time.GetUtcNow();
            _timer?.Dispose();
            _timer = _time.CreateTimer(_ => _ = FireAsync(), null, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FireAsync()
    {
        PublishedSnapshot? next;
        long publishedAt;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            next = _latest;
            publishedAt = _latestPublishedAt;
            _queued = false;
            _lastCall = _time.GetUtcNow();
        }

        if (next is not null)
        {
            // The callback is the component's InvokeAsync(StateHasChanged); a failure there belongs to
            // the circuit, and must not kill the engine's thread or later updates.
            try
            {
                await _callback(next, publishedAt).ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
        }

        _subscription.Dispose();
    }
}
