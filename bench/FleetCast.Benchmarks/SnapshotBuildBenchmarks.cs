using BenchmarkDotNet.Attributes;
using FleetCast.Core.Alerts;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Windows;

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
    private IForecaster _primary = null!;
    private ServerWindow[] _windowsOnly = [];
    private DateTimeOffset _dataTime;
    private IReadOnlyList<WindowView> _views = [];
    private StepResult _result = null!;
    private long _version;

    [Params(90, 1000)]
    public int Servers { get; set; }

    /// <summary>The primary baseline by its <see cref="ForecasterCatalog"/> name, as <c>Forecast:PrimaryBaseline</c> names it.</summary>
    [Params(ForecasterCatalog.HoltWinters, ForecasterCatalog.LinearTrend)]
    public string Primary { get; set; } = ForecasterCatalog.HoltWinters;

    [GlobalSetup]
    public void Setup()
    {
        _windows = SimulatedWindows.FilledStore(Servers, WindowSteps);

        _dataTime = _windows.LatestDataTime!.Value;
        var options = new ForecastOptions { WindowSteps = WindowSteps };
        _primary = ForecasterCatalog.Create(Primary);
        _builder = new SnapshotBuilder(new ForecasterSet(_primary, ForecasterCatalog.Create(ForecasterCatalog.LinearTrend)), options, ThresholdTable.Default,
            ScoringOptions.Default, AlertRuleOptions.Default, []);
        _views = _windows.Capture(_dataTime);
        _windowsOnly = [.. _views.Select(v => v.Window)];
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

    /// <summary>The primary forecaster alone on the captured windows (part of <see cref="Build"/>).</summary>
    [Benchmark]
    public int Forecast() => _primary.Forecast(_windowsOnly, 96).Count;

    /// <summary>Forecast + score + alerts + summary (no capture, no serialisation).</summary>
    [Benchmark]
    public int Build() => _builder.Build(_views, _dataTime, ++_version, DateTimeOffset.UtcNow, null).Details.Count;

    /// <summary>Serialise once and compress with gzip and brotli.</summary>
    [Benchmark]
    public int Publish() => PublishedSnapshotFactory.Create(_result.Snapshot, _result.Details, 1).JsonBrotli.Length;
}
