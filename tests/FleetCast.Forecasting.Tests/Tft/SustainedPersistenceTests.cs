using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class SustainedPersistenceTests : IDisposable
{
    private const int Metrics = MetricCatalog.Count;
    private static readonly double[] Levels = [0.1, 0.5, 0.9];
    private readonly string _directory = Directory.CreateTempSubdirectory("fleetcast-persistence-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Move_FullShareForEveryQuantile_PutsTheMedianAtTheNewestValueAndKeepsTheSpread()
    {
        float[] quantiles = [-1f, 0f, 2f];

        SustainedPersistence.Move(quantiles, last: 3f, [1f, 1f, 1f]);

        Assert.Equal([2f, 3f, 5f], quantiles);
    }

    [Fact]
    public void Move_SharePerQuantile_MovesEachByItsShareOfTheMedianGap()
    {
        float[] quantiles = [-1f, 0f, 2f];

        SustainedPersistence.Move(quantiles, last: 3f, [0f, 0.5f, 0.5f]);

        Assert.Equal([-1f, 1.5f, 3.5f], quantiles);
    }

    [Theory]
    [InlineData(true, 1.0, 1.0, 0.5)]
    [InlineData(false, 0.5, 0.0, 0.0)]
    public void Fit_EachQuantile_GetsTheShareWithItsOwnLowestPinball(bool targetsPersist, double p10, double p50, double p90)
    {
        // 40 sustained windows of memory, horizon 4 in one bucket: the network's quantiles are 0.5, 1 and 1.5, the
        // newest value 2 (a gap of 1 from the median). Targets at 2: p50 moves all the way, p10 as far as it can
        // (1.5 stays below 2), p90 half way (exactly 2). Targets at 1: p50 stays, p10 moves half way (exactly 1),
        // p90 stays (any move only takes it further above).
        const int windows = 40, horizon = 4;
        var predictions = new float[windows * horizon * Metrics * 3];
        var targets = new float[windows * horizon * Metrics];
        var weights = new float[targets.Length];
        var last = new float[windows * Metrics];
        var regimes = new ForecastRegime[windows * Metrics];
        var memory = (int)Metric.MemUsedPct;
        for (var n = 0; n < windows; n++)
        {
            last[(n * Metrics) + memory] = 2f;
            regimes[(n * Metrics) + memory] = ForecastRegime.SustainedCritical;
            for (var t = 0; t < horizon; t++)
            {
                var i = (n * horizon * Metrics) + (t * Metrics) + memory;
                predictions[i * 3] = 0.5f;
                predictions[(i * 3) + 1] = 1f;
                predictions[(i * 3) + 2] = 1.5f;
                targets[i] = targetsPersist ? 2f : 1f;
                weights[i] = 1f;
            }
        }

        var cases = new int[Metrics];
        cases[memory] = windows;
        var shares = SustainedPersistence.Fit(predictions, targets, weights, last, regimes, Levels, horizon, bucketSteps: 4, cases);

        Assert.Equal(p10, shares[SustainedPersistence.Index(0, memory, 0, 1)]);
        Assert.Equal(p50, shares[SustainedPersistence.Index(1, memory, 0, 1)]);
        Assert.Equal(p90, shares[SustainedPersistence.Index(2, memory, 0, 1)]);
        Assert.All([0, 1, 2], k => Assert.Equal(0.0, shares[SustainedPersistence.Index(k, (int)Metric.SwapUsedPct, 0, 1)]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void Forecast_SustainedStateWithFullPersistence_StaysAtTheNewestValue(int sharesPerBucket)
    {
        // 3: a share per quantile; 1: one share for every quantile (models calibrated before shares were per quantile).
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 41);
        var normal = TftTestData.Window("ppdb001", ServerProfile.Database, 24, 1);
        var values = (float[])normal.Values.Clone();
        for (var t = normal.Length - 3; t < normal.Length; t++)
        {
            values[(t * Metrics) + (int)Metric.MemUsedPct] = 99.5f;
        }

        var sustained = new ServerWindow("ppdb002", ServerProfile.Database, normal.LastStepTime, normal.StepSeconds, values, normal.Observed);
        var buckets = QuantileCalibration.BucketCount(model.Config.HorizonSteps, QuantileCalibrator.DefaultBucketSteps);
        var zero = new double[3 * Metrics * buckets];
        model.AttachCalibration(new QuantileCalibration(QuantileCalibrator.DefaultBucketSteps, zero, 1, 0, 0, 0, 0)
        {
            CriticalOffsets = zero,
            SustainedOffsets = zero,
            SustainedPersistence = [.. Enumerable.Repeat(1.0, sharesPerBucket * Metrics * buckets)],
        });

        var forecast = new TftForecaster(model).Forecast([sustained, normal], 8);

        Assert.All(forecast[0].Series(0.5, Metric.MemUsedPct).ToArray(), v => Assert.Equal(99.5f, v, 0.01f));
        Assert.Contains(forecast[1].Series(0.5, Metric.MemUsedPct).ToArray(), v => Math.Abs(v - 99.5f) > 0.5f);
    }

    [Fact]
    public void Load_PersistenceShareOutOfRange_FailsNamingTheField()
    {
        using (var model = TftModel.Create(TftTestData.SmallConfig(), seed: 42))
        {
            var buckets = QuantileCalibration.BucketCount(model.Config.HorizonSteps, QuantileCalibrator.DefaultBucketSteps);
            var zero = new double[3 * Metrics * buckets];
            model.AttachCalibration(new QuantileCalibration(QuantileCalibrator.DefaultBucketSteps, zero, 1, 0, 0, 0, 0)
            {
                SustainedPersistence = [.. Enumerable.Repeat(1.5, Metrics * buckets)],
            });
            model.Save(_directory);
        }

        var exception = Assert.Throws<ModelLoadException>(() => TftModel.Load(_directory));
        Assert.Contains("calibration.sustainedPersistence", exception.Message);
    }
}
