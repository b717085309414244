using BenchmarkDotNet.Attributes;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Live;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Benchmarks;

/// <summary>Per-step cost of forecast maturation scoring and of the PSI drift measurement at fleet size, with
/// the server's defaults (an origin every 12 steps, every 4th of 96 horizon steps, 576-step windows, drift
/// over the newest 288 steps). <see cref="TwelveSteps"/> is one full origin cycle in steady state (one
/// origin kept, about nine in flight maturing); divide by 12 for the mean per step.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 6)]
public class LiveScoringBenchmarks
{
    private const int StepSeconds = 300;
    private IReadOnlyList<ServerWindow> _windows = [];
    private IReadOnlyList<ServerForecast> _forecasts = [];
    private IReadOnlyList<MetricInputStatistics> _statistics = [];
    private LiveForecastScorekeeper _keeper = null!;
    private DateTimeOffset _time;

    [Params(1000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _windows = SimulatedWindows.Create(Servers, 576);
        _forecasts = new LinearTrendForecaster().Forecast(_windows, 96);
        _statistics = [.. FleetCast.Core.Metrics.MetricCatalog.All.Select(d => Statistics(d.WireName))];
        _keeper = new LiveForecastScorekeeper(new LiveScoreOptions());
        _time = _windows[0].LastStepTime;
        for (var i = 0; i < 12 * 10; i++)
        {
            Step();
        }
    }

    [Benchmark]
    public long TwelveSteps()
    {
        for (var i = 0; i < 12; i++)
        {
            Step();
        }

        return _keeper.MaturedPoints;
    }

    [Benchmark]
    public int Drift() => InputDriftMeter.Measure(_statistics, _windows, 288).Metrics.Count;

    /// <summary>The kept memory in steady state, printed once for the docs.</summary>
    [GlobalCleanup]
    public void Report() => Console.WriteLine($"// kept origins {_keeper.KeptOrigins}, forecasts {_keeper.KeptForecasts}, bytes {_keeper.KeptBytes}");

    private void Step()
    {
        _time = _time.AddSeconds(StepSeconds);
        var observations = new LiveObservation[_windows.Count];
        for (var s = 0; s < _windows.Count; s++)
        {
            // The same values, moved to the new data time: the cost is the scorekeeper's, not the data's.
            var w = _windows[s];
            var window = new ServerWindow(w.Server, w.Profile, _time, StepSeconds, w.Values, w.Observed);
            var f = _forecasts[s];
            observations[s] = new LiveObservation(window, new ServerForecast(f.Server, f.Forecaster, _time, StepSeconds, f.Quantiles, f.HorizonSteps, f.Values), _time);
        }

        _keeper.Observe(_time, observations);
    }

    private static MetricInputStatistics Statistics(string metric) =>
        new(metric, 1000, 50, 20, [.. Enumerable.Range(0, 11).Select(i => i * 10.0)], [.. Enumerable.Repeat(0.1, 10)]);
}
