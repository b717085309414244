using BenchmarkDotNet.Attributes;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Benchmarks;

/// <summary>The engine's per-step cascade detection (<see cref="CascadeMonitor.Observe"/>): score every live window's
/// newest step against its baseline and step the detector, on a simulated fleet's captured windows (no storage write:
/// a healthy fleet has no cascade to store).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class CascadeDetectionBenchmarks
{
    private CascadeMonitor _monitor = null!;
    private IReadOnlyList<WindowView> _views = [];
    private DateTimeOffset _dataTime;

    [Params(90, 1000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var windows = SimulatedWindows.FilledStore(Servers, 128);
        _dataTime = windows.LatestDataTime!.Value;
        _views = windows.Capture(_dataTime);
        _monitor = new CascadeMonitor(new NoCascadeStore(), NullLogger<CascadeMonitor>.Instance);
        _monitor.Observe(_dataTime, _views);
    }

    [Benchmark]
    public int Observe()
    {
        _monitor.Observe(_dataTime, _views);
        return _monitor.Active.Count;
    }

    private sealed class NoCascadeStore : ICascadeStore
    {
        public void Save(IReadOnlyList<Core.Cascades.CascadeEvent> events)
        {
        }

        public IReadOnlyList<Core.Cascades.CascadeEvent> LoadActive() => [];

        public long MaxId() => 0;

        public IReadOnlyList<Core.Cascades.CascadeEvent> Read(DateTimeOffset from, DateTimeOffset to, bool? active = null) => [];

        public int DeleteEndedBefore(DateTimeOffset cutoff) => 0;
    }
}
