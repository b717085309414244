using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Tests.Shared;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Scoring;

public sealed class RiskScorerTests
{
    /// <summary>The default bands without alert thresholds: the weighted arithmetic alone, no level floors.</summary>
    private static readonly ThresholdTable Table = TestThresholds.BandsOnly;
    private static readonly ScoringOptions Options = ScoringOptions.Default;

    private static RiskAssessment Score(double[] current, ServerProfile profile = ServerProfile.Generic, Forecasts.ServerForecast? forecast = null, ScoringOptions? options = null) =>
        RiskScorer.Score(profile, current, forecast, Table, options ?? Options);

    [Fact]
    public void Score_HealthyServerWithFlatForecast_IsZeroAndHealthyWithoutFactors()
    {
        var current = TestMetrics.Healthy();

        var result = Score(current, forecast: ForecastBuilder.FlatAt(current));

        Assert.Equal(0, result.Score);
        Assert.Equal(RiskLevel.Healthy, result.Level);
        Assert.Empty(result.Factors);
    }

    [Fact]
    public void Score_GenericMemory97Now_Gives70PercentOf30Points()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 97);

        var result = Score(current);

        Assert.Equal(21, result.Score, 6);
        Assert.Equal(30, result.CurrentPoints);
        var factor = Assert.Single(result.Factors);
        Assert.Equal("mem_used_pct", factor.Metric);
        Assert.Equal("memory 97% now", factor.Text);
        Assert.Equal("now", factor.Basis);
        Assert.Equal(21, factor.Points, 6);
    }

    [Fact]
    public void Score_DatabaseMemory97_ScoresLessThanGenericMemory97()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 97);

        var database = Score(current, ServerProfile.Database);
        var generic = Score(current, ServerProfile.Generic);

        Assert.Equal(10.5, database.Score, 6);
        Assert.True(database.Score < generic.Score);
    }

    [Fact]
    public void Score_CurrentPointsOverHundred_CapsAtHundredAndScalesFactorsToScore()
    {
        // idle 1 → 60, memory 99 → 50, swap 60 → 30: 140 raw points, capped to 100.
        var current = TestMetrics.Healthy()
            .With(Metric.CpuIdlePct, 1)
            .With(Metric.MemUsedPct, 99)
            .With(Metric.SwapUsedPct, 60);

        var result = Score(current);

        Assert.Equal(100, result.CurrentPoints);
        Assert.Equal(70, result.Score, 6);
        Assert.Equal(RiskLevel.Danger, result.Level);
        Assert.Equal([30, 25, 15], result.Factors.Select(f => f.Points).ToArray());
        Assert.Equal("cpu 99% now", result.Factors[0].Text);
    }

    [Fact]
    public void Score_PredictedIdle_UsesP10NotP90()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder()
            .Flat(current)
            .Quantile(Metric.CpuIdlePct, 0.1, _ => 1)
            .Quantile(Metric.CpuIdlePct, 0.5, _ => 50)
            .Quantile(Metric.CpuIdlePct, 0.9, _ => 80)
            .Build();

        var result = Score(current, forecast: forecast);

        Assert.Equal(40, result.PredictedPoints);
        Assert.Equal(12, result.Score, 6);
        var factor = Assert.Single(result.Factors);
        Assert.Equal("cpu_idle_pct", factor.Metric);
        Assert.Equal("predicted", factor.Basis);
        Assert.Equal("cpu 99% predicted within 1 h", factor.Text);
    }

    [Fact]
    public void Score_PredictedMemory_UsesMaxP90WithinNearHorizonOnly()
    {
        var current = TestMetrics.Healthy();
        var within = new ForecastBuilder().Flat(current).Quantile(Metric.MemUsedPct, 0.9, h => h == 5 ? 99 : 60).Build();
        var beyond = new ForecastBuilder().Flat(current).Quantile(Metric.MemUsedPct, 0.9, h => h == 13 ? 99 : 60).Build();

        var inside = Score(current, forecast: within);
        var outside = Score(current, forecast: beyond);

        Assert.Equal(9, inside.Score, 6);
        Assert.Equal("memory 99% predicted within 1 h", Assert.Single(inside.Factors).Text);
        Assert.Equal(0, outside.Score);
    }

    [Fact]
    public void Score_PredictedPointsOverHundred_CapsAtHundred()
    {
        // idle p10 1 → 40, memory 99 → 30, iowait 35 → 25, disk 96 → 20: 115 raw points.
        var current = TestMetrics.Healthy();
        var forecast = ForecastBuilder.FlatAt(current
            .With(Metric.CpuIdlePct, 1)
            .With(Metric.MemUsedPct, 99)
            .With(Metric.CpuIowaitPct, 35)
            .With(Metric.DiskUsagePct, 96));

        var result = Score(current, forecast: forecast);

        Assert.Equal(100, result.PredictedPoints);
        Assert.Equal(30, result.Score, 6);
        Assert.Equal(30, result.Factors.Sum(f => f.Points), 6);
        Assert.All(result.Factors, f => Assert.Equal("predicted", f.Basis));
    }

    [Fact]
    public void Score_NoForecast_PredictedPointsAreZero()
    {
        var current = TestMetrics.Healthy().With(Metric.CpuIdlePct, 1);

        var result = Score(current, forecast: null);

        Assert.Equal(0, result.PredictedPoints);
        Assert.Equal(42, result.Score, 6);
    }

    [Fact]
    public void Score_UnobservedMetric_ContributesNeitherNowNorPredicted()
    {
        var current = TestMetrics.Healthy().With(Metric.CpuIdlePct, double.NaN);
        var forecast = ForecastBuilder.FlatAt(TestMetrics.Healthy().With(Metric.CpuIdlePct, 0));

        var result = Score(current, forecast: forecast);

        Assert.Equal(0, result.Score);
        Assert.Empty(result.Factors);
    }

    [Fact]
    public void Score_NearHorizonText_UsesForecastStepLength()
    {
        var current = TestMetrics.Healthy();
        var forecast = new ForecastBuilder(horizon: 96, stepSeconds: 60).Flat(current.With(Metric.MemUsedPct, 99)).Build();

        var result = Score(current, forecast: forecast);

        Assert.Equal("memory 99% predicted within 12 min", Assert.Single(result.Factors).Text);
    }

    [Theory]
    [InlineData(ServerProfile.MlCompute)]
    [InlineData(ServerProfile.Database)]
    [InlineData(ServerProfile.WebApi)]
    [InlineData(ServerProfile.ConductorMgmt)]
    [InlineData(ServerProfile.DataIngest)]
    [InlineData(ServerProfile.RiskAnalytics)]
    [InlineData(ServerProfile.Generic)]
    public void Score_CriticalScenarioTargetsWithFlatForecast_IsCriticalOrWorseForEveryProfile(ServerProfile profile)
    {
        var current = TestMetrics.CriticalScenario(profile);

        var result = Score(current, profile, ForecastBuilder.FlatAt(current));

        Assert.True(result.Score >= 80, $"{profile} scored {result.Score}");
        Assert.True(result.Level >= RiskLevel.Critical);
    }

    public static TheoryData<double, double, double, double, double> Mixes => new()
    {
        // idle, memory, iowait, swap, load
        { 4, 96, 22, 30, 9 },
        { 15, 88, 12, 12, 13 },
        { 1, 99, 35, 55, 20 },
        { 9, 91, 5, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Mixes))]
    public void Score_AnyMix_FactorPointsSumToScoreAndAreSortedDescending(double idle, double memory, double iowait, double swap, double load)
    {
        var current = TestMetrics.Healthy()
            .With(Metric.CpuIdlePct, idle)
            .With(Metric.MemUsedPct, memory)
            .With(Metric.CpuIowaitPct, iowait)
            .With(Metric.SwapUsedPct, swap)
            .With(Metric.LoadAverage, load);
        var forecast = ForecastBuilder.FlatAt(current.With(Metric.MemUsedPct, Math.Min(100, memory + 2)));

        var result = Score(current, forecast: forecast);

        Assert.Equal(result.Score, result.Factors.Sum(f => f.Points), 6);
        Assert.Equal(result.Factors.OrderByDescending(f => f.Points).Select(f => f.Points), result.Factors.Select(f => f.Points));
        Assert.InRange(result.Score, 0, 100);
    }

    [Fact]
    public void Score_ExactlyOnDangerBoundary_IsDangerDespiteFloatingPointWeights()
    {
        // idle 1 → 60 and iowait 30 → 40: exactly 100 current points, 0.7 × 100 = 70.
        var current = TestMetrics.Healthy().With(Metric.CpuIdlePct, 1).With(Metric.CpuIowaitPct, 30);

        var result = Score(current);

        Assert.Equal(70, result.Score);
        Assert.Equal(RiskLevel.Danger, result.Level);
    }

    [Fact]
    public void Score_LoadOnRiskAnalytics_UsesProfileBands()
    {
        var current = TestMetrics.Healthy().With(Metric.LoadAverage, 13);

        var generic = Score(current, ServerProfile.Generic);
        var riskAnalytics = Score(current, ServerProfile.RiskAnalytics);

        Assert.Equal(14, generic.Score, 6);
        Assert.Equal(7, riskAnalytics.Score, 6);
        Assert.Equal("load average 13 now", Assert.Single(generic.Factors).Text);
    }

    [Fact]
    public void Score_CurrentOfWrongLength_ThrowsNamingCurrent()
    {
        var error = Assert.Throws<ArgumentException>(() => RiskScorer.Score(ServerProfile.Generic, new double[3], null, Table, Options));

        Assert.Equal("current", error.ParamName);
    }

    [Fact]
    public void Score_NearHorizonOfZero_ThrowsNamingOptions()
    {
        var error = Assert.Throws<ArgumentException>(() => Score(TestMetrics.Healthy(), options: new ScoringOptions { NearHorizonSteps = 0 }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("NearHorizonSteps", error.Message);
    }
}
