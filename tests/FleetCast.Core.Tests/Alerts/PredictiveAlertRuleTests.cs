using FleetCast.Core.Alerts;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Tests.Shared;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Alerts;

public sealed class PredictiveAlertRuleTests
{
    private static readonly ThresholdTable Table = ThresholdTable.Default;

    /// <summary>The pessimistic quantile may alert within an hour (the shipped point allows 15 min).</summary>
    private static readonly AlertRuleOptions WithinAnHour = new() { PossibleWithinSteps = 12, PersistSteps = 2 };

    private static IReadOnlyList<AlertCandidate> Evaluate(double[] current, ServerForecast? forecast, bool ready = true, ServerProfile profile = ServerProfile.Generic, AlertRuleOptions? options = null) =>
        PredictiveAlertRule.Evaluate("ppdb003", profile, current, forecast, ready, Table, options ?? AlertRuleOptions.Default);

    [Fact]
    public void Evaluate_HealthyFlatForecast_ReturnsNothing()
    {
        var current = TestMetrics.Healthy();

        Assert.Empty(Evaluate(current, ForecastBuilder.FlatAt(current)));
    }

    [Fact]
    public void Evaluate_CurrentOverCritical_ReturnsOneCriticalNow()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 98.6);

        var result = Evaluate(current, ForecastBuilder.FlatAt(TestMetrics.Healthy()));

        var c = Assert.Single(result);
        Assert.Equal(Metric.MemUsedPct, c.Metric);
        Assert.Equal(AlertLikelihood.Now, c.Likelihood);
        Assert.Equal(0, c.StepsAhead);
        Assert.Equal(0, c.MinutesAhead);
        Assert.Equal(98.6, c.PredictedValue);
        Assert.Equal(AlertSeverity.Critical, c.Severity);
        Assert.Equal(98.0, c.Threshold);
    }

    [Fact]
    public void Evaluate_P50CrossesAtStep7_IsLikelyIn35Minutes()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.CpuUserPct, h => h < 7 ? 60 : 96, spread: 2).Build();

        var result = Evaluate(current, forecast);

        var critical = Assert.Single(result);
        Assert.Equal((AlertSeverity.Critical, AlertLikelihood.Likely, 7, 35.0, 96.0), (critical.Severity, critical.Likelihood, critical.StepsAhead, critical.MinutesAhead, critical.PredictedValue));
    }

    [Fact]
    public void Evaluate_OnlyP90Crosses_IsPossible()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.SwapUsedPct, h => h < 4 ? 5 : 22, spread: 6).Build();

        var candidate = Assert.Single(Evaluate(current, forecast, options: WithinAnHour));

        Assert.Equal((Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Possible, 4, 28.0), (candidate.Metric, candidate.Severity, candidate.Likelihood, candidate.StepsAhead, candidate.PredictedValue));
    }

    [Fact]
    public void Evaluate_OnlyP90CrossesBeyondPossibleWindow_IsIgnored()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.SwapUsedPct, h => h < 20 ? 5 : 22, spread: 6).Build();

        var defaults = Evaluate(current, forecast);
        var wider = Evaluate(current, forecast, options: new AlertRuleOptions { PossibleWithinSteps = 96 });

        Assert.Empty(defaults);
        var candidate = Assert.Single(wider);
        Assert.Equal((AlertLikelihood.Possible, 20), (candidate.Likelihood, candidate.StepsAhead));
    }

    [Fact]
    public void Evaluate_P50CrossesBeyondPossibleWindow_IsStillLikely()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.SwapUsedPct, h => h < 40 ? 5 : 30, spread: 2).Build();

        var candidate = Assert.Single(Evaluate(current, forecast));

        Assert.Equal((AlertSeverity.Warning, AlertLikelihood.Likely, 40), (candidate.Severity, candidate.Likelihood, candidate.StepsAhead));
    }

    [Fact]
    public void Evaluate_SingleStepSpike_DoesNotPersistAndIsIgnored()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.DiskUsagePct, h => h == 3 ? 90 : 50).Build();

        Assert.Empty(Evaluate(current, forecast));
    }

    [Fact]
    public void Evaluate_SpikeInterruptedThenSustained_ReportsTheFirstSustainedStep()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.DiskUsagePct, h => h is 3 or >= 10 ? 90 : 50).Build();

        var candidate = Assert.Single(Evaluate(current, forecast));

        Assert.Equal(10, candidate.StepsAhead);
        Assert.Equal(50, candidate.MinutesAhead);
    }

    [Fact]
    public void Evaluate_CrossingOnTheLastStep_CountsBecauseTheHorizonEnds()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder(horizon: 24).Flat(current).Series(Metric.DiskUsagePct, h => h == 24 ? 90 : 50).Build();

        var candidate = Assert.Single(Evaluate(current, forecast));

        Assert.Equal(24, candidate.StepsAhead);
    }

    [Fact]
    public void Evaluate_PersistStepsThree_RequiresThreeConsecutiveSteps()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.DiskUsagePct, h => h is 5 or 6 or (>= 20 and <= 22) ? 90 : 50).Build();

        var candidate = Assert.Single(Evaluate(current, forecast, options: new AlertRuleOptions { PersistSteps = 3 }));

        Assert.Equal(20, candidate.StepsAhead);
    }

    [Fact]
    public void Evaluate_IdleLowIsBad_UsesP10AndFallingValues()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder().Flat(current)
            .Quantile(Metric.CpuIdlePct, 0.1, h => h < 6 ? 60 : 1)
            .Quantile(Metric.CpuIdlePct, 0.5, _ => 40)
            .Quantile(Metric.CpuIdlePct, 0.9, _ => 90)
            .Build();

        var result = Evaluate(current, forecast, options: WithinAnHour);

        var c = Assert.Single(result);
        Assert.Equal(Metric.CpuIdlePct, c.Metric);
        Assert.Equal(AlertSeverity.Critical, c.Severity);
        Assert.Equal(AlertLikelihood.Possible, c.Likelihood);
        Assert.Equal(6, c.StepsAhead);
        Assert.Equal(1, c.PredictedValue);
    }

    [Fact]
    public void Evaluate_IdleNowBelowCritical_IsNow()
    {
        var current = TestMetrics.Healthy().With(Metric.CpuIdlePct, 2);

        var result = Evaluate(current, null);

        var c = Assert.Single(result);
        Assert.Equal((AlertSeverity.Critical, AlertLikelihood.Now), (c.Severity, c.Likelihood));
    }

    [Fact]
    public void Evaluate_NotReady_RaisesNothingEvenOverAThresholdNow()
    {
        var current = TestMetrics.Healthy().With(Metric.SwapUsedPct, 60);
        var forecast = ForecastBuilder.FlatAt(current.With(Metric.MemUsedPct, 99));

        Assert.Empty(Evaluate(current, forecast, ready: false));
        Assert.Single(Evaluate(current, forecast, ready: true), c => c.Metric == Metric.SwapUsedPct);
    }

    [Fact]
    public void Evaluate_WarningNowAndCriticalPredicted_EmitsOnlyTheCritical()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 92);
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.MemUsedPct, h => h < 3 ? 92 : 99).Build();

        var result = Evaluate(current, forecast);

        var only = Assert.Single(result);
        Assert.Equal((AlertSeverity.Critical, AlertLikelihood.Likely, 3), (only.Severity, only.Likelihood, only.StepsAhead));
    }

    [Fact]
    public void Evaluate_WarningNowAndNoCriticalAhead_EmitsTheWarningNow()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 92);

        var only = Assert.Single(Evaluate(current, ForecastBuilder.FlatAt(current)));

        Assert.Equal((Metric.MemUsedPct, AlertSeverity.Warning, AlertLikelihood.Now), (only.Metric, only.Severity, only.Likelihood));
    }

    [Fact]
    public void Evaluate_DatabaseMemory97_WarnsAtProfileThresholdOnly()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 97);

        var database = Evaluate(current, null, profile: ServerProfile.Database);
        var generic = Evaluate(current, null);

        var candidate = Assert.Single(database);
        Assert.Equal((AlertSeverity.Warning, 95.0), (candidate.Severity, candidate.Threshold));
        Assert.Equal(90.0, Assert.Single(generic).Threshold);
    }

    [Fact]
    public void Evaluate_UnobservedMetric_NeverAlerts()
    {
        var current = TestMetrics.Healthy().With(Metric.CpuIdlePct, double.NaN);
        var forecast = ForecastBuilder.FlatAt(TestMetrics.Healthy().With(Metric.CpuIdlePct, 0));

        Assert.Empty(Evaluate(current, forecast));
    }

    [Fact]
    public void Evaluate_MinutesAhead_FollowStepLength()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder(stepSeconds: 60).Flat(current).Series(Metric.CpuIowaitPct, h => h < 5 ? 2 : 25).Build();

        var candidate = Assert.Single(Evaluate(current, forecast));

        Assert.Equal(5, candidate.StepsAhead);
        Assert.Equal(5, candidate.MinutesAhead);
    }

    [Fact]
    public void Evaluate_NonPositivePersistSteps_ThrowsNamingOptions()
    {
        var error = Assert.Throws<ArgumentException>(() => Evaluate(TestMetrics.Healthy(), null, options: new AlertRuleOptions { PersistSteps = 0 }));

        Assert.Contains("PersistSteps", error.Message);
    }
}
