using BenchmarkDotNet.Attributes;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Baselines;

namespace FleetCast.Benchmarks;

/// <summary>One batched baseline forecast for the whole fleet (576-step windows, horizon 96).</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class BaselineForecastBenchmarks
{
    private IReadOnlyList<ServerWindow> _windows = [];
    private readonly IForecaster _linear = new LinearTrendForecaster();
    private readonly IForecaster _seasonal = new SeasonalNaiveForecaster();
    private readonly IForecaster _holtWinters = new HoltWintersForecaster();

    [Params(90, 1000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup() => _windows = SimulatedWindows.Create(Servers, 576);

    [Benchmark(Baseline = true)]
    public int LinearTrend() => _linear.Forecast(_windows, 96).Count;

    [Benchmark]
    public int SeasonalNaive() => _seasonal.Forecast(_windows, 96).Count;

    [Benchmark]
    public int HoltWinters() => _holtWinters.Forecast(_windows, 96).Count;
}
