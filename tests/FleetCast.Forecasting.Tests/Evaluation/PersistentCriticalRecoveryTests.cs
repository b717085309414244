using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class PersistentCriticalRecoveryTests
{
    /// <summary>cpu_user at 96 (critical 95) from step 100 to the end, every other metric healthy (5, idle 50);
    /// cpu_idle at 1 (critical 2, low is bad) from step 100 when <paramref name="idleToo"/>.</summary>
    private static Core.Datasets.FleetDataset CriticalFromStep100(bool idleToo = false) =>
        TestSeries.Dataset(1, 400, (s, t, m) => t >= 100 && m == (int)Metric.CpuUserPct ? 96f : t >= 100 && idleToo && m == (int)Metric.CpuIdlePct ? 1f : Healthy(m));

    private static float Healthy(int metric) => metric == (int)Metric.CpuIdlePct ? 50f : 5f;

    private static ForecasterScore Score(Core.Datasets.FleetDataset data, Func<Metric, int, int, float, float> value) =>
        new ForecastEvaluator(new EvaluationOptions { LookbackSteps = 48, Alerts = (_, _) => [] })
            .Evaluate(data, [new ScriptedForecaster(data, "scripted", value)]).Forecasters[0];

    [Fact]
    public void Evaluate_ForecastStaysCritical_RecoveryRateZeroOverEveryCase()
    {
        // Origins 47 + 12k up to 299; cases are the 17 origins from 107 on (critical then and 6 steps on).
        var score = Score(CriticalFromStep100(), (metric, origin, h, actual) => actual);

        Assert.Equal(17, score.PersistentCriticalCases);
        Assert.Equal(0.0, score.PersistentCriticalRecoveryRate);
    }

    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(6, 1.0)]
    [InlineData(7, 0.0)]
    public void Evaluate_P50DipsUnderCriticalAtStepH_IsARecoveryOnlyWithinSixSteps(int dipStep, double expectedRate)
    {
        var score = Score(CriticalFromStep100(), (metric, origin, h, actual) => metric == Metric.CpuUserPct && h == dipStep ? 90f : actual);

        Assert.Equal(17, score.PersistentCriticalCases);
        Assert.Equal(expectedRate, score.PersistentCriticalRecoveryRate);
    }

    [Fact]
    public void Evaluate_ActualLeavesCriticalWithinSixSteps_IsNoCase()
    {
        // Critical only from step 100 to 111: origins 95..105 see it at the origin, but never for 6 more steps
        // from an origin 47 + 12k (107 is critical, 108..113 are not all).
        var data = TestSeries.Dataset(1, 400, (s, t, m) => t is >= 100 and <= 111 && m == (int)Metric.CpuUserPct ? 96f : Healthy(m));

        var score = Score(data, (metric, origin, h, actual) => actual);

        Assert.Equal(0, score.PersistentCriticalCases);
        Assert.Null(score.PersistentCriticalRecoveryRate);
    }

    [Fact]
    public void Evaluate_LowIsBadIdleForecastAboveCritical_CountsAsRecovery()
    {
        // cpu_user stays exactly forecast; idle (1, critical 2) is forecast at 15: half the cases recover.
        var score = Score(CriticalFromStep100(idleToo: true), (metric, origin, h, actual) => metric == Metric.CpuIdlePct ? 15f : actual);

        Assert.Equal(34, score.PersistentCriticalCases);
        Assert.Equal(0.5, score.PersistentCriticalRecoveryRate);
    }
}
