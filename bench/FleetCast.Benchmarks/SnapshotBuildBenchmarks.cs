using BenchmarkDotNet.Attributes;
using FleetCast.Core.Alerts;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting.Baselines;
using FleetCast.Server.Engine;
using FleetCast.Server.Hosting;
using FleetCast.Server.Windows;
using FleetCast.Simulator;

namespace FleetCast.Benchmarks;

/// <summary>One full engine step as <see cref="SnapshotEngine"/> runs it: capture every window (576 steps),
/// forecast (holt-winters primary, linear-trend warm-up), score, alerts, summary, environment, then
/// serialise once and compress (gzip + brotli). Also the parts on their own.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class SnapshotBuildBenchmarks
{
    private const int WindowSteps = 576;

    private WindowStore _windows = new();
    private SnapshotBuilder _builder = null!;
    private DateTimeOffset _dataTime;
    private IReadOnlyList<WindowView> _views = [];
    private StepResult _result = null!;
    private long _version;

    [Params(90, 1000)]
    public int Servers { get; set; }

    [Params("holt-winters", "linear-trend")]
    public string Primary { get; set; } = "holt-winters";

    [GlobalSetup]
    public void Setup()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = Servers, Seed = 7 });
        _windows = new WindowStore(new WindowStoreOptions { WindowSteps = WindowSteps });
        for (var step = 0; step < WindowSteps; step++)
        {
            _windows.Apply(simulator.Step());
        }

        _dataTime = _windows.LatestDataTime!.Value;
        var options = new ForecastOptions { WindowSteps = WindowSteps };
        BaselineForecaster primary = Primary == "holt-winters" ? new HoltWintersForecaster() : new LinearTrendForecaster();
        _builder = new SnapshotBuilder(new ForecasterSet(primary, new LinearTrendForecaster()), options, ThresholdTable.Default,
            ScoringOptions.Default, AlertRuleOptions.Default, []);
        _views = _windows.Capture(_dataTime);
        _result = _builder.Build(_views, _dataTime, ++_version, DateTimeOffset.UtcNow, null);
    }

    /// <summary>Capture + forecast + score + alerts + summary + serialise + compress: the whole step.</summary>
    [Benchmark(Baseline = true)]
    public int FullStep()
    {
        var views = _windows.Capture(_dataTime);
        var result = _builder.Build(views, _dataTime, ++_version, DateTimeOffset.UtcNow, null);
        return PublishedSnapshotFactory.Create(result.Snapshot, result.Details, 1).JsonBrotli.Length;
    }

    [Benchmark]
    public int Capture() => _windows.Capture(_dataTime).Count;

    /// <summary>Forecast + score + alerts + summary (no capture, no serialisation).</summary>
    [Benchmark]
    public int Build() => _builder.Build(_views, _dataTime, ++_version, DateTimeOffset.UtcNow, null).Details.Count;

    /// <summary>Serialise once and compress with gzip and brotli.</summary>
    [Benchmark]
    public int Publish() => PublishedSnapshotFactory.Create(_result.Snapshot, _result.Details, 1).JsonBrotli.Length;
}
