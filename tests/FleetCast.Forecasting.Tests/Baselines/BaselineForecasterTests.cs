using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Baselines;

public sealed class BaselineForecasterTests
{
    private const int Cpu = (int)Metric.CpuUserPct;

    public static TheoryData<string> Names => ["linear-trend", "seasonal-naive", "holt-winters"];

    private static BaselineForecaster Create(string name) => name switch
    {
        "linear-trend" => new LinearTrendForecaster(),
        "seasonal-naive" => new SeasonalNaiveForecaster(),
        _ => new HoltWintersForecaster(),
    };

    [Fact]
    public void LinearTrend_ExactLine_RecoversLineWithZeroWidthBands()
    {
        // Arrange
        var window = TestSeries.Window(60, (t, m) => 10f + (0.25f * t));

        // Act
        var forecast = new LinearTrendForecaster().Forecast([window], 24)[0];

        // Assert
        for (var h = 1; h <= 24; h++)
        {
            var expected = 10f + (0.25f * (59 + h));
            Assert.Equal(expected, forecast.Series(0.5, Metric.CpuUserPct)[h - 1], 3);
            Assert.Equal(expected, forecast.Series(0.1, Metric.CpuUserPct)[h - 1], 3);
            Assert.Equal(expected, forecast.Series(0.9, Metric.CpuUserPct)[h - 1], 3);
        }
    }

    [Fact]
    public void LinearTrend_TwoSteps_ExtrapolatesTheLine()
    {
        var window = TestSeries.Window(2, (t, m) => 20f + (2f * t));

        var forecast = new LinearTrendForecaster().Forecast([window], 3)[0];

        Assert.Equal([24f, 26f, 28f], TestSeries.Quantile(forecast, 0.5, Metric.CpuUserPct));
    }

    [Fact]
    public void SeasonalNaive_MoreThanADay_ReturnsYesterdaysValue()
    {
        // Arrange: a different value at every step, so only the right lag matches.
        static float Value(int t, int m) => 5f + ((t * 37) % 90);
        var window = TestSeries.Window(400, Value);
        var forecaster = new SeasonalNaiveForecaster();

        // Act
        var forecast = forecaster.Forecast([window], 96)[0];

        // Assert
        Assert.False(SeasonalNaiveForecaster.UsesLastValueFallback(window));
        for (var h = 1; h <= 96; h++)
        {
            Assert.Equal(Value(399 + h - 288, Cpu), forecast.Series(0.5, Metric.CpuUserPct)[h - 1]);
        }
    }

    [Fact]
    public void SeasonalNaive_LessThanADay_FallsBackToLastValue()
    {
        var window = TestSeries.Window(100, (t, m) => 30f + (t % 7));

        var forecast = new SeasonalNaiveForecaster().Forecast([window], 12)[0];

        Assert.True(SeasonalNaiveForecaster.UsesLastValueFallback(window));
        Assert.All(TestSeries.Quantile(forecast, 0.5, Metric.CpuUserPct), v => Assert.Equal(30f + (99 % 7), v));
    }

    [Fact]
    public void HoltWinters_PureSineSeason_TracksBetterThanLinearTrend()
    {
        // Arrange
        static float Value(int t, int m) => 50f + (20f * MathF.Sin(2 * MathF.PI * t / 288f));
        var window = TestSeries.Window(600, Value);

        // Act
        var holtWinters = new HoltWintersForecaster().Forecast([window], 96)[0];
        var linear = new LinearTrendForecaster().Forecast([window], 96)[0];

        // Assert
        double MeanAbsoluteError(ServerForecast forecast) =>
            Enumerable.Range(1, 96).Average(h => Math.Abs(forecast.Series(0.5, Metric.CpuUserPct)[h - 1] - Value(599 + h, Cpu)));
        var holtWintersError = MeanAbsoluteError(holtWinters);
        Assert.True(holtWintersError < 1.0, $"Holt-Winters MAE {holtWintersError}");
        Assert.True(holtWintersError < MeanAbsoluteError(linear) / 5, $"Holt-Winters MAE {holtWintersError}, linear {MeanAbsoluteError(linear)}");
    }

    [Fact]
    public void HoltWinters_LevelRisesLateInWindow_BacktestOriginsDoNotSeeTheFuture()
    {
        // Arrange: flat at 10 until step 500, then 50. Backtest origins before the rise forecast 10 and
        // meet 10, so the lower band stays close to the median; forecasting them from the end state
        // (level 50) would put p10 about 40 below it.
        var window = TestSeries.Window(576, (t, m) => t < 500 ? 10f : 50f);

        // Act
        var forecast = new HoltWintersForecaster().Forecast([window], 12)[0];

        // Assert
        var p10 = TestSeries.Quantile(forecast, 0.1, Metric.CpuUserPct);
        var p50 = TestSeries.Quantile(forecast, 0.5, Metric.CpuUserPct);
        Assert.InRange(p50[0], 45f, 55f);
        Assert.True(p50[0] - p10[0] < 5f, $"p50 {p50[0]}, p10 {p10[0]}");
    }

    [Fact]
    public void HoltWinters_LessThanADay_FallsBackToNonSeasonal()
    {
        var window = TestSeries.Window(50, (t, m) => 40f);

        var forecast = new HoltWintersForecaster().Forecast([window], 10)[0];

        Assert.True(HoltWintersForecaster.UsesNonSeasonalFallback(window));
        Assert.All(TestSeries.Quantile(forecast, 0.5, Metric.CpuUserPct), v => Assert.Equal(40f, v, 3));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forecast_NoisyTrend_BandsOrderedAndWidenWithLead(string name)
    {
        // Arrange
        var random = new Random(3);
        var window = TestSeries.Window(700, (t, m) => 40f + (0.01f * t) + (5f * MathF.Sin(2 * MathF.PI * t / 288f)) + (float)(random.NextDouble() * 6));

        // Act
        var forecast = Create(name).Forecast([window], 96)[0];

        // Assert
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            var p10 = forecast.Series(0.1, (Metric)m);
            var p50 = forecast.Series(0.5, (Metric)m);
            var p90 = forecast.Series(0.9, (Metric)m);
            for (var h = 0; h < 96; h++)
            {
                Assert.True(p10[h] <= p50[h] && p50[h] <= p90[h], $"{name} metric {m} step {h}: {p10[h]} {p50[h]} {p90[h]}");
                // Clamping to the catalog range may cut a band; widening is checked where it is not cut.
                var definition = MetricCatalog.All[m];
                var clamped = p10[h] <= definition.Min || p90[h] >= (definition.Max ?? double.MaxValue);
                if (h > 0 && !clamped)
                {
                    Assert.True(p90[h] - p10[h] >= p90[h - 1] - p10[h - 1] - 1e-4f, $"{name} metric {m}: band shrank at step {h}");
                }
            }
        }

        var cpu10 = forecast.Series(0.1, Metric.CpuUserPct);
        var cpu90 = forecast.Series(0.9, Metric.CpuUserPct);
        Assert.True(cpu90[0] - cpu10[0] > 0, $"{name}: no band at step 1");
        if (name == "linear-trend")
        {
            Assert.True(cpu90[95] - cpu10[95] > cpu90[0] - cpu10[0], "linear-trend band did not widen");
        }
    }

    [Fact]
    public void LinearTrend_GaussianNoiseAroundLine_CoversAboutEightyPercent()
    {
        // Arrange: many independent windows; the future continues the same line and noise.
        var random = new Random(11);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        const int steps = 576;
        const int horizon = 48;
        var covered = 0;
        var total = 0;
        var forecaster = new LinearTrendForecaster();
        for (var w = 0; w < 60; w++)
        {
            var series = Enumerable.Range(0, steps + horizon).Select(t => (float)(30 + (0.02 * t) + (2 * Gaussian()))).ToArray();
            var window = TestSeries.Window(steps, (t, m) => series[t]);

            // Act
            var forecast = forecaster.Forecast([window], horizon)[0];

            var p10 = forecast.Series(0.1, Metric.CpuUserPct);
            var p90 = forecast.Series(0.9, Metric.CpuUserPct);
            for (var h = 1; h <= horizon; h++)
            {
                var actual = series[steps - 1 + h];
                covered += actual >= p10[h - 1] && actual <= p90[h - 1] ? 1 : 0;
                total++;
            }
        }

        // Assert
        var coverage = (double)covered / total;
        Assert.InRange(coverage, 0.70, 0.90);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forecast_TrendsBeyondRange_ClampedToCatalogRange(string name)
    {
        // Arrange: every metric climbs steeply, network falls steeply.
        var window = TestSeries.Window(600, (t, m) => m is (int)Metric.NetInMbS ? Math.Max(0.5f, 60f - (0.1f * t)) : Math.Min(99f, 0.2f * t));

        // Act
        var forecast = Create(name).Forecast([window], 96)[0];

        // Assert
        foreach (var definition in MetricCatalog.All)
        {
            foreach (var q in ServerForecast.StandardQuantiles)
            {
                foreach (var v in forecast.Series(q, definition.Id))
                {
                    Assert.True(v >= definition.Min && (definition.Max is not { } max || v <= max), $"{name} {definition.WireName} q{q}: {v}");
                }
            }
        }
    }

    [Fact]
    public void Forecast_ThroughZero_ClampsLowerBoundAtZero()
    {
        var window = TestSeries.Window(30, (t, m) => Math.Max(0f, 20f - t));

        var forecast = new LinearTrendForecaster().Forecast([window], 10)[0];

        Assert.All(TestSeries.Quantile(forecast, 0.1, Metric.NetInMbS), v => Assert.Equal(0f, v));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forecast_UnobservedMetric_FlatAtItsValue(string name)
    {
        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        observed[(int)Metric.SwapUsedPct] = false;
        var window = TestSeries.Window(600, (t, m) => m == (int)Metric.SwapUsedPct ? 3f : 10f + (0.05f * t), observed);

        var forecast = Create(name).Forecast([window], 96)[0];

        foreach (var q in ServerForecast.StandardQuantiles)
        {
            Assert.All(forecast.Series(q, Metric.SwapUsedPct).ToArray(), v => Assert.Equal(3f, v));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Forecast_Batch_ReturnsOneForecastPerWindowInOrder(string name)
    {
        var windows = Enumerable.Range(0, 5).Select(i => TestSeries.Window(300, (t, m) => 10f * i, server: $"ppweb00{i}")).ToList();

        var forecasts = Create(name).Forecast(windows, 8);

        Assert.Equal(windows.Select(w => w.Server), forecasts.Select(f => f.Server));
        Assert.All(forecasts, f => Assert.Equal(name, f.Forecaster));
        Assert.Equal(40f, forecasts[4].Series(0.5, Metric.CpuUserPct)[7], 3);
    }

    [Fact]
    public void Forecast_EmptyWindow_ThrowsNamingWindow()
    {
        var window = TestSeries.Window(0, (t, m) => 0f);

        var error = Assert.Throws<ArgumentException>(() => new LinearTrendForecaster().Forecast([window], 4));

        Assert.Contains("windows[0]", error.Message);
    }

    [Fact]
    public void Forecast_ZeroHorizon_ThrowsNamingHorizon()
    {
        var window = TestSeries.Window(20, (t, m) => 1f);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SeasonalNaiveForecaster().Forecast([window], 0));

        Assert.Equal("horizonSteps", error.ParamName);
    }
}
