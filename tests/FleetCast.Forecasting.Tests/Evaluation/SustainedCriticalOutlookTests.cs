using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class SustainedCriticalOutlookTests
{
    private static float Healthy(int metric) => metric == (int)Metric.CpuIdlePct ? 50f : 5f;

    /// <summary>cpu_user at 96 (critical 95) on steps [from, to], every other metric healthy.</summary>
    private static Core.Datasets.FleetDataset CpuCritical(int from, int to) =>
        TestSeries.Dataset(1, 400, (s, t, m) => t >= from && t <= to && m == (int)Metric.CpuUserPct ? 96f : Healthy(m));

    private static ForecasterScore Score(Core.Datasets.FleetDataset data, Func<Metric, int, int, float, float> value) =>
        new ForecastEvaluator(new EvaluationOptions { LookbackSteps = 48, Alerts = (_, _) => [] })
            .Evaluate(data, [new ScriptedForecaster(data, "scripted", value)]).Forecasters[0];

    [Fact]
    public void Evaluate_ForecastEqualsActual_ForecastAndActualStaySharesAgree()
    {
        // Origins 47 + 12k; critical from 100 to 111: only origin 107 ends a sustained run (105–107 critical);
        // of its next 6 steps (108–113), 108–111 are critical.
        var score = Score(CpuCritical(100, 111), (metric, origin, h, actual) => actual);

        Assert.Equal(1, score.SustainedCriticalCases);
        Assert.Equal(4.0 / 6, score.SustainedCriticalActualStay!.Value, 6);
        Assert.Equal(4.0 / 6, score.SustainedCriticalForecastStay!.Value, 6);
        Assert.Equal(0.5, score.SustainedCriticalBeyondMedian!.Value, 6);
    }

    [Fact]
    public void Evaluate_ForecastRecoversAtOnce_ForecastStayShareFallsShortOfTheActual()
    {
        // Critical to the end: origins 107..299 (17) are sustained, every next step stays critical,
        // but the forecast says 90 (not critical) for the first two steps (the script counts steps from 1).
        var score = Score(CpuCritical(100, 400), (metric, origin, h, actual) => metric == Metric.CpuUserPct && h <= 2 ? 90f : actual);

        Assert.Equal(17, score.SustainedCriticalCases);
        Assert.Equal(1.0, score.SustainedCriticalActualStay);
        Assert.Equal(4.0 / 6, score.SustainedCriticalForecastStay!.Value, 6);

        // Steps 1–2 lie beyond the p50 of 90; steps 3–6 are ties (half each): (2 + 4 × 0.5) / 6.
        Assert.Equal(4.0 / 6, score.SustainedCriticalBeyondMedian!.Value, 6);
    }

    [Fact]
    public void Evaluate_ForecastWorseThanActual_NoActualLiesBeyondTheMedian()
    {
        var score = Score(CpuCritical(100, 400), (metric, origin, h, actual) => metric == Metric.CpuUserPct ? 99f : actual);

        Assert.Equal(1.0, score.SustainedCriticalForecastStay);
        Assert.Equal(0.0, score.SustainedCriticalBeyondMedian);
    }

    [Fact]
    public void Evaluate_CriticalOnlyAtTheOrigin_IsNoSustainedCase()
    {
        // 107 alone is critical: the origin's newest value is, the two before it are not.
        var score = Score(CpuCritical(107, 107), (metric, origin, h, actual) => actual);

        Assert.Equal(0, score.SustainedCriticalCases);
        Assert.Null(score.SustainedCriticalForecastStay);
        Assert.Null(score.SustainedCriticalActualStay);
        Assert.Null(score.SustainedCriticalBeyondMedian);
    }
}
