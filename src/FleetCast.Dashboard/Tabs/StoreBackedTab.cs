using FleetCast.Dashboard.Services;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs;

/// <summary>A tab that shows what the server's stores hold (history, alerts, outbox) rather than the
/// live snapshot alone: it re-reads them through a <see cref="StoreReadThrottle"/> as snapshots arrive.
/// The stores are optional services (a server without storage has none).</summary>
public abstract class StoreBackedTab : SnapshotTab, IDisposable
{
    private StoreReadThrottle? _reads;

    [Inject]
    protected IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private protected StoreReadThrottle Reads => _reads ??= new StoreReadThrottle(Time);

    public void Dispose()
    {
        _reads?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void Build(PublishedSnapshot published) => Reads.SnapshotArrived();
}
