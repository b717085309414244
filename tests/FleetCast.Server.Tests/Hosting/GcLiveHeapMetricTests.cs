using System.Globalization;
using FleetCast.Server.Hosting;
using Prometheus;

namespace FleetCast.Server.Tests.Hosting;

public sealed class GcLiveHeapMetricTests
{
    [Fact]
    public async Task AfterAFullBlockingCollection_ReportsItsIndexAndAtLeastTheHeapStillHeld()
    {
        var registry = Metrics.NewCustomRegistry();
        GcLiveHeapMetric.Register(registry);
        var before = await ReadAsync(registry, "fleetcast_gc_full_blocking_index");

        var held = new byte[64 * 1024 * 1024];
        Random.Shared.NextBytes(held.AsSpan(0, 1024));
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var live = await ReadAsync(registry, "fleetcast_gc_live_heap_bytes");
        var after = await ReadAsync(registry, "fleetcast_gc_full_blocking_index");
        Assert.True(after > before, $"index {before} → {after}");
        Assert.True(live >= held.Length, $"live heap {live} B while {held.Length} B are held");
        GC.KeepAlive(held);
    }

    private static async Task<double> ReadAsync(CollectorRegistry registry, string name)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var line = text.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
