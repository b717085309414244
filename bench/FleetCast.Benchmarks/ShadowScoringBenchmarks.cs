using BenchmarkDotNet.Attributes;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Live;

namespace FleetCast.Benchmarks;

/// <summary>Cost of one shadow origin with the server's defaults (Forecast:ShadowMaxServers 200, 576-step
/// windows, horizon 96): <see cref="BaselineForecasts"/> is the background thread's work (the three baselines
/// forecast the sampled windows), <see cref="KeepShadow"/> the tracker's share on the engine's thread (copying
/// the serving forecasts and the baselines' of those servers into a shadow origin). One origin every 12 steps.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 6)]
public class ShadowScoringBenchmarks
{
    private readonly IForecaster[] _baselines = ForecasterCatalog.CreateBaselines();
    private IReadOnlyList<ServerWindow> _windows = [];
    private List<LiveObservation> _batch = [];

    [Params(90, 200)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _windows = SimulatedWindows.Create(Servers, 576);
        var serving = new LinearTrendForecaster().Forecast(_windows, 96);
        _batch = [.. _windows.Select((w, i) => new LiveObservation(w, serving[i], w.LastStepTime))];
        foreach (var baseline in _baselines)
        {
            var forecasts = baseline.Forecast(_windows, 96);
            _batch.AddRange(_windows.Select((w, i) => new LiveObservation(w, forecasts[i], w.LastStepTime)));
        }
    }

    [Benchmark]
    public int BaselineForecasts()
    {
        var count = 0;
        foreach (var baseline in _baselines)
        {
            count += baseline.Forecast(_windows, 96).Count;
        }

        return count;
    }

    [Benchmark]
    public int KeepShadow()
    {
        var keeper = new LiveForecastScorekeeper(new LiveScoreOptions());
        keeper.KeepShadow(_windows[0].LastStepTime, _batch);
        return keeper.KeptForecasts;
    }
}
