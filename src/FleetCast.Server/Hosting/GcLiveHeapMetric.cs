using Prometheus;

namespace FleetCast.Server.Hosting;

/// <summary>The managed heap that was in use right after the last full blocking collection, i.e. what
/// was live then (<c>dotnet_total_memory_bytes</c> also counts garbage not collected yet, which moves by
/// tens of MiB between collections). A collection induced through the diagnostics port (dotnet-gcdump,
/// the dashboard benchmark) is one; 0 until the first.</summary>
public static class GcLiveHeapMetric
{
    public static void Register(CollectorRegistry registry)
    {
        var live = Metrics.WithCustomRegistry(registry).CreateGauge(
            "fleetcast_gc_live_heap_bytes",
            "Managed heap in use right after the last full blocking garbage collection (0 until the first).");
        var collections = Metrics.WithCustomRegistry(registry).CreateGauge(
            "fleetcast_gc_full_blocking_index",
            "Index of the last full blocking garbage collection (tells whether a new one has happened).");
        registry.AddBeforeCollectCallback(() =>
        {
            var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
            live.Set(info.Index == 0 ? 0 : info.HeapSizeBytes - info.FragmentedBytes);
            collections.Set(info.Index);
        });
    }
}
