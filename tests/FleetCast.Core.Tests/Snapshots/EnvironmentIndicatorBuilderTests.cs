using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Snapshots;
using FleetCast.Core.Tests.Shared;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Tests.Snapshots;

public sealed class EnvironmentIndicatorBuilderTests
{
    private static readonly ThresholdTable Table = ThresholdTable.Default;

    private static ServerForecast Healthy() => ForecastBuilder.FlatAt(TestMetrics.Healthy());

    private static ServerForecast WithMemory(Func<int, double> median, double spread = 0, int stepSeconds = 300) =>
        new ForecastBuilder(stepSeconds: stepSeconds).Flat(TestMetrics.Healthy()).Series(Metric.MemUsedPct, median, spread).Build();

    private static EnvironmentIndicators Build(params (ServerProfile, ServerForecast?, double)[] servers) =>
        EnvironmentIndicatorBuilder.Build(servers, Table);

    [Fact]
    public void Build_HealthyFleet_ZeroIndicatorsAndHealthy()
    {
        var result = Build((ServerProfile.Generic, Healthy(), 5), (ServerProfile.Database, Healthy(), 12));

        Assert.Equal(0, result.IncidentIndicator30m);
        Assert.Equal(0, result.IncidentIndicator8h);
        Assert.Equal(2, result.TotalServers);
        Assert.Equal("healthy", result.FleetHealth);
    }

    [Fact]
    public void Build_P50ReachesCriticalWithin30Minutes_AddsQuarterAndFifthPerServer()
    {
        var result = Build((ServerProfile.Generic, WithMemory(h => h >= 3 ? 98.5 : 60), 50), (ServerProfile.Generic, Healthy(), 5));

        Assert.Equal(0.125, result.IncidentIndicator30m);
        Assert.Equal(0.1, result.IncidentIndicator8h);
    }

    [Fact]
    public void Build_CriticalOnlyAfter30Minutes_CountsFor8hAndNotFor30m()
    {
        var result = Build((ServerProfile.Generic, WithMemory(h => h >= 7 ? 98.5 : 60), 50));

        Assert.Equal(0, result.IncidentIndicator30m);
        Assert.Equal(0.2, result.IncidentIndicator8h);
    }

    [Fact]
    public void Build_CrossingMetricNeverObserved_IsNotCounted()
    {
        // Arrange: memory's forecast crosses critical, but the window never saw memory (a fill value).
        var forecast = WithMemory(_ => 99);
        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        observed[(int)Metric.MemUsedPct] = false;

        // Act
        var unobserved = EnvironmentIndicatorBuilder.Build([(ServerProfile.Generic, forecast, 50, observed)], Table);
        var allObserved = EnvironmentIndicatorBuilder.Build([(ServerProfile.Generic, forecast, 50, (IReadOnlyList<bool>?)null)], Table);

        // Assert
        Assert.Equal(0, unobserved.IncidentIndicator30m);
        Assert.Equal(0, unobserved.IncidentIndicator8h);
        Assert.Equal(0.25, allObserved.IncidentIndicator30m);
        Assert.Equal(0.2, allObserved.IncidentIndicator8h);
    }

    [Fact]
    public void Build_P50ReachesWarningOnly_AddsWarningPoints()
    {
        var result = Build((ServerProfile.Generic, WithMemory(_ => 91), 50));

        Assert.Equal(0.1, result.IncidentIndicator30m);
        Assert.Equal(0.08, result.IncidentIndicator8h);
    }

    [Fact]
    public void Build_P90NeedsFivePointsBeyondThreshold()
    {
        // p50 80 (below warning 90); p90 99: beyond warning + 5 = 95 but not critical + 5 = 103.
        var nearMiss = Build((ServerProfile.Generic, WithMemory(_ => 80, spread: 19), 50));
        // p50 80; p90 94: over the warning threshold, but not 5 beyond it.
        var inside = Build((ServerProfile.Generic, WithMemory(_ => 80, spread: 14), 50));

        Assert.Equal(0.1, nearMiss.IncidentIndicator30m);
        Assert.Equal(0, inside.IncidentIndicator30m);
    }

    [Fact]
    public void Build_DatabaseMemory_UsesProfileThresholds()
    {
        var forecast = WithMemory(_ => 96);

        var database = Build((ServerProfile.Database, forecast, 50));
        var generic = Build((ServerProfile.Generic, forecast, 50));

        Assert.Equal(0.1, database.IncidentIndicator30m);
        Assert.Equal(0.1, generic.IncidentIndicator30m);
        Assert.Equal(0.08, database.IncidentIndicator8h);
        Assert.Equal(0.08, generic.IncidentIndicator8h);
        Assert.Equal(0.25, Build((ServerProfile.Generic, WithMemory(_ => 98.5), 50)).IncidentIndicator30m);
        Assert.Equal(0.1, Build((ServerProfile.Database, WithMemory(_ => 98.5), 50)).IncidentIndicator30m);
    }

    [Fact]
    public void Build_IdleIsLowIsBad_P50AtCriticalCounts()
    {
        // Idle's critical threshold is 2 %: "5 points beyond" it is below 0, so only the median can cross it.
        var forecast = new ForecastBuilder().Flat(TestMetrics.Healthy())
            .Quantile(Metric.CpuIdlePct, 0.1, _ => 0)
            .Quantile(Metric.CpuIdlePct, 0.5, _ => 1.5)
            .Quantile(Metric.CpuIdlePct, 0.9, _ => 60)
            .Build();
        var pessimisticOnly = new ForecastBuilder().Flat(TestMetrics.Healthy())
            .Quantile(Metric.CpuIdlePct, 0.1, _ => 0)
            .Quantile(Metric.CpuIdlePct, 0.5, _ => 40)
            .Quantile(Metric.CpuIdlePct, 0.9, _ => 60)
            .Build();

        var result = Build((ServerProfile.Generic, forecast, 50));
        var quiet = Build((ServerProfile.Generic, pessimisticOnly, 50));

        Assert.Equal(0.25, result.IncidentIndicator30m);
        Assert.Equal(0.2, result.IncidentIndicator8h);
        Assert.True(quiet.IncidentIndicator30m < 0.25, "p10 at 0 is not 5 points below a critical threshold of 2");
    }

    [Fact]
    public void Build_ManyMetricsCritical_CapsEachServerAtOne()
    {
        var values = TestMetrics.Healthy()
            .With(Metric.CpuUserPct, 99).With(Metric.CpuSysPct, 80).With(Metric.CpuIowaitPct, 40).With(Metric.CpuIdlePct, 0)
            .With(Metric.JavaCpuPct, 90).With(Metric.MemUsedPct, 99).With(Metric.SwapUsedPct, 60).With(Metric.DiskUsagePct, 99);

        var result = Build((ServerProfile.Generic, ForecastBuilder.FlatAt(values), 95));

        Assert.Equal(1, result.IncidentIndicator30m);
        Assert.Equal(1, result.IncidentIndicator8h);
    }

    [Fact]
    public void Build_ServersWithoutForecast_AreLeftOutOfTheMean()
    {
        var result = Build((ServerProfile.Generic, WithMemory(_ => 98.5), 50), (ServerProfile.Generic, null, 0), (ServerProfile.Generic, null, 0));

        Assert.Equal(0.25, result.IncidentIndicator30m);
        Assert.Equal(3, result.TotalServers);
    }

    [Fact]
    public void Build_NoForecastAnywhere_ZeroIndicators()
    {
        var result = Build((ServerProfile.Generic, null, 0));

        Assert.Equal(0, result.IncidentIndicator30m);
        Assert.Equal(0, result.IncidentIndicator8h);
    }

    [Fact]
    public void Build_Mean_IsRoundedToThreeDecimals()
    {
        var result = Build((ServerProfile.Generic, WithMemory(_ => 98.5), 50), (ServerProfile.Generic, Healthy(), 0), (ServerProfile.Generic, Healthy(), 0));

        Assert.Equal(0.083, result.IncidentIndicator30m);
        Assert.Equal(0.067, result.IncidentIndicator8h);
    }

    [Fact]
    public void Build_OneMinuteSteps_ThirtyMinuteWindowIsThirtySteps()
    {
        var inside = Build((ServerProfile.Generic, WithMemory(h => h >= 30 ? 98.5 : 60, stepSeconds: 60), 50));
        var outside = Build((ServerProfile.Generic, WithMemory(h => h >= 31 ? 98.5 : 60, stepSeconds: 60), 50));

        Assert.Equal(0.25, inside.IncidentIndicator30m);
        Assert.Equal(0, outside.IncidentIndicator30m);
    }

    [Fact]
    public void Build_HighRiskServers_CountScoresOfSeventyOrMore()
    {
        var result = Build((ServerProfile.Generic, Healthy(), 70), (ServerProfile.Generic, Healthy(), 69.99), (ServerProfile.Generic, null, 95));

        Assert.Equal(2, result.HighRiskServers);
    }

    [Fact]
    public void Build_FleetHealth_FollowsHighRiskAndCriticalShare()
    {
        var healthy = Enumerable.Range(0, 9).Select(_ => (ServerProfile.Generic, (ServerForecast?)Healthy(), 10.0));

        var degraded = Build([.. healthy, (ServerProfile.Generic, Healthy(), 75)]);
        var critical = Build([.. healthy, (ServerProfile.Generic, Healthy(), 85)]);

        Assert.Equal("degraded", degraded.FleetHealth);
        Assert.Equal("critical", critical.FleetHealth);
        Assert.Equal("unknown", Build().FleetHealth);
    }

    [Fact]
    public void Build_Method_SaysItIsAHeuristicNotAProbability()
    {
        var result = Build((ServerProfile.Generic, Healthy(), 0));

        Assert.Contains("heuristic", result.Method);
        Assert.Contains("not a calibrated probability", result.Method);
    }
}
