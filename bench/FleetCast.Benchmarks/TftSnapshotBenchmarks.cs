using BenchmarkDotNet.Attributes;
using FleetCast.Core.Alerts;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Windows;

namespace FleetCast.Benchmarks;

/// <summary>One engine step with the shipped TFT (models/default) as the primary forecaster, with
/// <c>Forecast:Threads</c> at its default of 1 (one core) and at 2 (both cores of the test machine):
/// the whole step, and the TFT forecast alone.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class TftSnapshotBenchmarks
{
    private const int WindowSteps = 576;

    private WindowStore _windows = new();
    private SnapshotBuilder _builder = null!;
    private TftForecaster _tft = null!;
    private ServerWindow[] _windowsOnly = [];
    private DateTimeOffset _dataTime;
    private long _version;

    [Params(90, 1000)]
    public int Servers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var directory = ModelLocator.Find("models/default")
            ?? throw new InvalidOperationException("models/default not found above the current directory; run from the repository.");
        _windows = SimulatedWindows.FilledStore(Servers, WindowSteps);

        _dataTime = _windows.LatestDataTime!.Value;
        _tft = new TftForecaster(TftModel.Load(directory), Threads, ownsModel: true);
        _builder = new SnapshotBuilder(new ForecasterSet(_tft, new LinearTrendForecaster()), new ForecastOptions { WindowSteps = WindowSteps },
            ThresholdTable.Default, ScoringOptions.Default, AlertRuleOptions.Default, []);
        _windowsOnly = [.. _windows.Capture(_dataTime).Select(v => v.Window)];
    }

    [GlobalCleanup]
    public void Cleanup() => _tft.Dispose();

    /// <summary>Capture + TFT forecast + score + alerts + summary + serialise + compress.</summary>
    [Benchmark(Baseline = true)]
    public int FullStep()
    {
        var views = _windows.Capture(_dataTime);
        var result = _builder.Build(views, _dataTime, ++_version, DateTimeOffset.UtcNow, null);
        return PublishedSnapshotFactory.Create(result.Snapshot, result.Details, 1).JsonBrotli.Length;
    }

    [Benchmark]
    public int TftForecast() => _tft.Forecast(_windowsOnly, 96).Count;
}
