using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class TftForecasterTests
{
    [Fact]
    public void Forecast_SmallRandomModel_RightShapeWithinRangesAndOrdered()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 31);
        var forecaster = new TftForecaster(model, threads: 1, chunkSize: 3);
        var windows = Enumerable.Range(0, 7)
            .Select(i => TftTestData.Window($"ppml{i:0000}", (ServerProfile)(i % 7), 24 + i, seed: i))
            .ToArray();

        var forecasts = forecaster.Forecast(windows, horizonSteps: 6);

        Assert.Equal(7, forecasts.Count);
        for (var i = 0; i < windows.Length; i++)
        {
            var forecast = forecasts[i];
            Assert.Equal(windows[i].Server, forecast.Server);
            Assert.Equal("tft", forecast.Forecaster);
            Assert.Equal(windows[i].LastStepTime, forecast.OriginTime);
            Assert.Equal(6, forecast.HorizonSteps);
            Assert.Equal(ServerForecast.StandardQuantiles, forecast.Quantiles);
            foreach (var definition in MetricCatalog.All)
            {
                var p10 = forecast.Series(0.1, definition.Id).ToArray();
                var p50 = forecast.Series(0.5, definition.Id).ToArray();
                var p90 = forecast.Series(0.9, definition.Id).ToArray();
                Assert.All(p10.Concat(p50).Concat(p90), v => Assert.InRange(v, definition.Min, definition.Max ?? double.MaxValue));
                Assert.All(Enumerable.Range(0, 6), s => Assert.True(p10[s] <= p50[s] && p50[s] <= p90[s]));
            }
        }
    }

    [Fact]
    public void Forecast_WindowNearFullCpu_ClampedToMetricMaximum()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 32);
        var forecaster = new TftForecaster(model);
        var window = TftTestData.Window("ppdb001", ServerProfile.Database, 24, seed: 3);
        for (var t = 0; t < window.Length; t++)
        {
            window.Values[(t * MetricCatalog.Count) + (int)Metric.MemUsedPct] = t % 2 == 0 ? 99.9f : 90f;
        }

        var forecast = forecaster.Forecast([window], 8)[0];

        Assert.All(forecast.Series(0.9, Metric.MemUsedPct).ToArray(), v => Assert.InRange(v, 0f, 100f));
    }

    [Fact]
    public void Forecast_WindowShorterThanLookback_ThrowsNamingServer()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 33);
        var forecaster = new TftForecaster(model);
        var window = TftTestData.Window("ppweb007", ServerProfile.WebApi, 10, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => forecaster.Forecast([window], 8));

        Assert.Contains("ppweb007", error.Message);
    }

    [Fact]
    public void Forecast_TwoWorkersOverManyChunks_SameForecastsAsOne()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(dropout: 0.1), seed: 41);
        var windows = Enumerable.Range(0, 37).Select(i => TftTestData.Window($"ppweb{i:000}", (ServerProfile)(i % ProfileNames.Count), 24 + (i % 3), i)).ToArray();
        using var single = new TftForecaster(model, threads: 1, chunkSize: 4);
        using var parallel = new TftForecaster(model, threads: 2, chunkSize: 4);

        var expected = single.Forecast(windows, 8);
        var actual = parallel.Forecast(windows, 8);
        var again = parallel.Forecast(windows, 8);

        Assert.Equal(windows.Select(w => w.Server), actual.Select(f => f.Server));
        Assert.All(expected.Zip(actual), pair => Assert.All(pair.First.Values.Zip(pair.Second.Values), v => Assert.Equal(v.First, v.Second, 1e-3f)));
        Assert.All(actual.Zip(again), pair => Assert.All(pair.First.Values.Zip(pair.Second.Values), v => Assert.Equal(v.First, v.Second, 1e-3f)));
    }

    [Fact]
    public void Forecast_TwoWorkersWindowTooShort_ThrowsNamingServerNotAggregate()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 42);
        using var forecaster = new TftForecaster(model, threads: 2, chunkSize: 2);
        var windows = Enumerable.Range(0, 6).Select(i => TftTestData.Window($"ppweb{i:000}", ServerProfile.WebApi, i == 4 ? 10 : 24, i)).ToArray();

        var error = Assert.Throws<ArgumentException>(() => forecaster.Forecast(windows, 8));

        Assert.Contains("ppweb004", error.Message);
    }

    [Fact]
    public void Forecast_HorizonBeyondModel_Throws()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 34);
        var forecaster = new TftForecaster(model);

        Assert.Throws<ArgumentOutOfRangeException>(() => forecaster.Forecast([TftTestData.Window("a", ServerProfile.Generic, 24, 1)], 9));
    }

    [Fact]
    public void Properties_SmallModel_DescribeTheModel()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 35);
        IForecaster forecaster = new TftForecaster(model);

        Assert.Equal("tft", forecaster.Name);
        Assert.True(forecaster.IsModel);
        Assert.Equal(TftTestData.SmallHistory, forecaster.MinHistorySteps);
    }

    [Fact]
    public void Forecast_WindowWithGaps_StillFinite()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 36);
        var source = TftTestData.Window("ppetl001", ServerProfile.DataIngest, 24, seed: 4);
        var values = (float[])source.Values.Clone();
        values[(3 * MetricCatalog.Count) + (int)Metric.NetInMbS] = float.NaN;
        var window = new ServerWindow(source.Server, source.Profile, source.LastStepTime, source.StepSeconds, values, source.Observed);

        var forecast = new TftForecaster(model).Forecast([window], 8)[0];

        Assert.All(forecast.Values, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Forecast_MetricNeverReported_IsForecastAsMissingAndTheOthersAreNot()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 37);
        var source = TftTestData.Window("node-a:9100", ServerProfile.Generic, 24, seed: 5);
        var values = (float[])source.Values.Clone();
        var observed = (bool[])source.Observed.Clone();
        foreach (var missing in new[] { Metric.JavaCpuPct, Metric.FrontCloseWait })
        {
            observed[(int)missing] = false;
            for (var t = 0; t < source.Length; t++)
            {
                values[(t * MetricCatalog.Count) + (int)missing] = float.NaN;
            }
        }

        var window = new ServerWindow(source.Server, source.Profile, source.LastStepTime, source.StepSeconds, values, observed);
        var forecast = new TftForecaster(model).Forecast([window], 8)[0];

        foreach (var quantile in ServerForecast.StandardQuantiles)
        {
            Assert.All(forecast.Series(quantile, Metric.JavaCpuPct).ToArray(), v => Assert.True(float.IsNaN(v)));
            Assert.All(forecast.Series(quantile, Metric.FrontCloseWait).ToArray(), v => Assert.True(float.IsNaN(v)));
            Assert.All(forecast.Series(quantile, Metric.MemUsedPct).ToArray(), v => Assert.True(float.IsFinite(v)));
        }
    }
}
