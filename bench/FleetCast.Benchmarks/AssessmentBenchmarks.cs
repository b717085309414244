using BenchmarkDotNet.Attributes;
using FleetCast.Core.Alerts;
using FleetCast.Core.Assessment;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting.Baselines;

namespace FleetCast.Benchmarks;

/// <summary>The per-step assessment alone (alert rule → lifecycles → scores with level floors) on simulated
/// windows and their linear-trend forecasts: the part of a snapshot step that issue 12 changed.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 8)]
public class AssessmentBenchmarks
{
    private AssessmentInput[] _inputs = [];
    private FleetAssessor _assessor = null!;
    private DateTimeOffset _dataTime;

    [Params(90, 1000)]
    public int Servers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var windows = SimulatedWindows.Create(Servers, 576);
        var forecasts = new LinearTrendForecaster().Forecast(windows, 96);
        _inputs = [.. windows.Select((w, i) => new AssessmentInput(w.Server, w.Profile, w.Latest(), forecasts[i], Ready: true))];
        _assessor = new FleetAssessor(ThresholdTable.Default, ScoringOptions.Default, AlertRuleOptions.Default);
        _dataTime = windows[0].LastStepTime;
    }

    [Benchmark]
    public int Assess()
    {
        _dataTime = _dataTime.AddMinutes(5);
        return _assessor.Assess(_dataTime, _inputs).Risks.Count;
    }
}
