using FleetCast.Core.Metrics;
using FleetCast.Core.Scoring;
using FleetCast.Core.Tests.Shared;

namespace FleetCast.Core.Tests.Scoring;

public sealed class DisplayMetricsBuilderTests
{
    private static readonly ScoringOptions Options = ScoringOptions.Default;

    [Fact]
    public void Build_Always_ReturnsTheEightDisplayMetricsWithTheirUnits()
    {
        var result = DisplayMetricsBuilder.Build(TestMetrics.Healthy(), null, Options);

        Assert.Equal(["cpu", "memory", "iowait", "swap", "load", "disk", "net_in", "net_out"], result.Keys.ToArray());
        Assert.Equal("%", result["cpu"].Unit);
        Assert.Equal("", result["load"].Unit);
        Assert.Equal("MB/s", result["net_in"].Unit);
    }

    [Fact]
    public void Build_Cpu_IsHundredMinusIdleNowAndPredicted()
    {
        var current = TestMetrics.Healthy().With(Metric.CpuIdlePct, 27.4);
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.CpuIdlePct, _ => 20, spread: 10).Build();

        var cpu = DisplayMetricsBuilder.Build(current, forecast, Options)["cpu"];

        Assert.Equal(72.6, cpu.Current);
        Assert.Equal(80, cpu.Predicted);
        Assert.Equal(7.4, cpu.Delta);
        Assert.Equal("increasing", cpu.Trend);
    }

    [Fact]
    public void Build_Predicted_IsP50AtTheEndOfTheNearHorizon()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 50);
        var forecast = new ForecastBuilder().Flat(current).Series(Metric.MemUsedPct, h => 50 + h, spread: 5).Build();

        var memory = DisplayMetricsBuilder.Build(current, forecast, Options)["memory"];

        Assert.Equal(62, memory.Predicted);
        Assert.Equal(12, memory.Delta);
    }

    [Fact]
    public void Build_HorizonShorterThanNearHorizon_UsesLastStep()
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, 50);
        var forecast = new ForecastBuilder(horizon: 4).Flat(current).Series(Metric.MemUsedPct, h => 40 - h).Build();

        var memory = DisplayMetricsBuilder.Build(current, forecast, Options)["memory"];

        Assert.Equal(36, memory.Predicted);
        Assert.Equal(-14, memory.Delta);
        Assert.Equal("decreasing", memory.Trend);
    }

    [Fact]
    public void Build_NoForecast_PredictedAndDeltaNullTrendStable()
    {
        var current = TestMetrics.Healthy();

        var memory = DisplayMetricsBuilder.Build(current, null, Options)["memory"];

        Assert.Equal(50, memory.Current);
        Assert.Null(memory.Predicted);
        Assert.Null(memory.Delta);
        Assert.Equal("stable", memory.Trend);
    }

    [Fact]
    public void Build_UnobservedMetric_HasNoCurrentPredictedOrDelta()
    {
        var current = TestMetrics.Healthy().With(Metric.DiskUsagePct, double.NaN);
        var forecast = ForecastBuilder.FlatAt(TestMetrics.Healthy().With(Metric.DiskUsagePct, 0));

        var disk = DisplayMetricsBuilder.Build(current, forecast, Options)["disk"];

        Assert.Null(disk.Current);
        Assert.Null(disk.Predicted);
        Assert.Null(disk.Delta);
    }

    [Theory]
    [InlineData(50, 50.9, "stable")]
    [InlineData(50, 51, "increasing")]
    [InlineData(50, 49.1, "stable")]
    [InlineData(50, 45, "decreasing")]
    public void Build_PercentMetric_UsesOnePointDeadBand(double now, double predicted, string trend)
    {
        var current = TestMetrics.Healthy().With(Metric.MemUsedPct, now);
        var forecast = ForecastBuilder.FlatAt(current.With(Metric.MemUsedPct, predicted));

        Assert.Equal(trend, DisplayMetricsBuilder.Build(current, forecast, Options)["memory"].Trend);
    }

    [Theory]
    [InlineData(10, 10.4, "stable")]
    [InlineData(10, 11, "increasing")]
    [InlineData(0.5, 0.6, "stable")]
    [InlineData(0.5, 0.3, "decreasing")]
    [InlineData(0.5, 0.7, "increasing")]
    public void Build_LoadMetric_UsesRelativeDeadBandWithFloor(double now, double predicted, string trend)
    {
        var current = TestMetrics.Healthy().With(Metric.LoadAverage, now);
        var forecast = ForecastBuilder.FlatAt(current.With(Metric.LoadAverage, predicted));

        Assert.Equal(trend, DisplayMetricsBuilder.Build(current, forecast, Options)["load"].Trend);
    }

    [Fact]
    public void Build_Values_AreRoundedToOneDecimal()
    {
        var current = TestMetrics.Healthy().With(Metric.NetInMbS, 12.345);
        var forecast = ForecastBuilder.FlatAt(current.With(Metric.NetInMbS, 15.678));

        var netIn = DisplayMetricsBuilder.Build(current, forecast, Options)["net_in"];

        Assert.Equal(12.3, netIn.Current);
        Assert.Equal(15.7, netIn.Predicted);
        Assert.Equal(3.4, netIn.Delta);
    }

    [Fact]
    public void Build_ForecastOutsideRange_IsClampedToTheMetricRange()
    {
        var current = TestMetrics.Healthy();
        var forecast = ForecastBuilder.FlatAt(current.With(Metric.CpuIdlePct, -3).With(Metric.NetOutMbS, -1));

        var result = DisplayMetricsBuilder.Build(current, forecast, Options);

        Assert.Equal(100, result["cpu"].Predicted);
        Assert.Equal(0, result["net_out"].Predicted);
    }

    [Fact]
    public void Build_CurrentOfWrongLength_ThrowsNamingCurrent()
    {
        var error = Assert.Throws<ArgumentException>(() => DisplayMetricsBuilder.Build(new double[13], null, Options));

        Assert.Equal("current", error.ParamName);
    }
}
