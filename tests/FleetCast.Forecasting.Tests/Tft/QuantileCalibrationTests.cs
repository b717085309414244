using System.Text.Json.Nodes;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class QuantileCalibrationTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fleetcast-calibration-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Train_Finished_CalibratesOnEveryValidationWindowWithoutRaisingPinball()
    {
        var dataset = TftTestData.ToyFleet(servers: 3, steps: 160, seed: 5);
        var options = new TftTrainingOptions { Seed = 3, StrideSteps = 4, ValidationFraction = 0.25, BatchSize = 16, MaxEpochs = 2, LearningRate = 5e-3, WarmupSteps = 2, Threads = 1, TimeBudget = null, MaxValidationWindows = 4 };

        using var model = new TftTrainer(TftTestData.SmallConfig(), options).Train(dataset);

        var calibration = model.Manifest.Calibration!;
        var report = model.Manifest.Training!;
        Assert.True(calibration.Windows > report.ValidationWindows, $"calibrated on {calibration.Windows}, validation subset {report.ValidationWindows}");
        Assert.Equal(3 * MetricCatalog.Count * QuantileCalibration.BucketCount(8, QuantileCalibrator.DefaultBucketSteps), calibration.Offsets.Count);
        Assert.True(calibration.PinballAfter <= calibration.PinballBefore + 1e-9, $"pinball {calibration.PinballBefore} → {calibration.PinballAfter}");
        Assert.True(Math.Abs(calibration.CoverageAfter - 0.8) <= Math.Abs(calibration.CoverageBefore - 0.8) + 1e-9,
            $"coverage {calibration.CoverageBefore} → {calibration.CoverageAfter}");
        Assert.InRange(calibration.CoverageAfter, 0.7, 0.9);
    }

    [Fact]
    public void Forecast_WithCalibration_WidensTheBandAndKeepsQuantilesOrdered()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 31);
        var window = TftTestData.Window("ppdb001", ServerProfile.Database, 24, 1);
        var before = new TftForecaster(model).Forecast([window], 8)[0];

        // p10 down by 2, p90 up by 2 (normalised units): the band widens by up to four look-back deviations.
        model.AttachCalibration(Calibration(model.Config, p10: -2, p50: 0, p90: 2));
        var widened = new TftForecaster(model).Forecast([window], 8)[0];

        // Offsets that cross the quantiles over: the forecast still comes out ordered.
        model.AttachCalibration(Calibration(model.Config, p10: 5, p50: 0, p90: -5));
        var crossed = new TftForecaster(model).Forecast([window], 8)[0];

        var memory = Metric.MemUsedPct;
        for (var t = 0; t < 8; t++)
        {
            Assert.True(widened.Series(0.9, memory)[t] > before.Series(0.9, memory)[t], $"p90 at step {t}");
            Assert.True(widened.Series(0.1, memory)[t] < before.Series(0.1, memory)[t], $"p10 at step {t}");
            Assert.Equal(before.Series(0.5, memory)[t], widened.Series(0.5, memory)[t], 1e-4f);
        }

        foreach (var metric in MetricCatalog.All.Select(d => d.Id))
        {
            for (var t = 0; t < 8; t++)
            {
                Assert.True(crossed.Series(0.1, metric)[t] <= crossed.Series(0.5, metric)[t] && crossed.Series(0.5, metric)[t] <= crossed.Series(0.9, metric)[t], $"{metric} step {t}");
            }
        }
    }

    [Fact]
    public void SaveThenLoad_WithCalibration_KeepsIt()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 32);
        model.AttachCalibration(Calibration(model.Config, p10: -1, p50: 0.25, p90: 1));
        model.Save(_directory);

        using var loaded = TftModel.Load(_directory);

        Assert.Equal(model.Manifest.Calibration!.Offsets, loaded.Manifest.Calibration!.Offsets);
        Assert.Equal(model.Manifest.Calibration!.BucketSteps, loaded.Manifest.Calibration!.BucketSteps);
    }

    [Fact]
    public void Load_CalibrationOfWrongShape_FailsNamingTheField()
    {
        using (var model = TftModel.Create(TftTestData.SmallConfig(), seed: 33))
        {
            model.AttachCalibration(Calibration(model.Config, p10: -1, p50: 0, p90: 1));
            model.Save(_directory);
        }

        var path = Path.Combine(_directory, TftModel.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json["calibration"]!["offsets"]!.AsArray().RemoveAt(0);
        File.WriteAllText(path, json.ToJsonString());

        var exception = Assert.Throws<ModelLoadException>(() => TftModel.Load(_directory));
        Assert.Contains("calibration.offsets", exception.Message);
    }

    [Fact]
    public void Recalibrate_ExistingModel_AttachesCalibrationMeasuredOnTheValidationPeriod()
    {
        var dataset = TftTestData.ToyFleet(servers: 2, steps: 120, seed: 6);
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 34);

        var calibration = TftRecalibration.Calibrate(model, dataset, strideSteps: 4, validationFraction: 0.25);

        Assert.Same(calibration, model.Manifest.Calibration);
        Assert.True(calibration.Windows > 0);
        Assert.True(calibration.PinballAfter < calibration.PinballBefore, "an untrained network is far from calibrated");
        Assert.Equal(MetricCatalog.Count, calibration.CriticalCases!.Count);
        Assert.Equal(calibration.Offsets.Count, calibration.CriticalOffsets!.Count);
        var wrongStep = dataset with { StepSeconds = 60 };
        Assert.Throws<ArgumentException>(() => TftRecalibration.Calibrate(model, wrongStep, 4, 0.25));
    }

    [Fact]
    public void Forecast_MetricEndingInTheCriticalRegime_GetsTheCriticalShiftsOnlyForThatMetric()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 35);
        var normal = TftTestData.Window("ppdb001", ServerProfile.Database, 24, 1);
        var values = (float[])normal.Values.Clone();
        values[((normal.Length - 1) * MetricCatalog.Count) + (int)Metric.MemUsedPct] = 99.5f;
        var critical = new ServerWindow("ppdb002", ServerProfile.Database, normal.LastStepTime, normal.StepSeconds, values, normal.Observed);
        var before = new TftForecaster(model).Forecast([normal, critical], 8);

        // Normal shifts 0, critical-regime shifts +1 on every quantile: only the critical window's memory moves.
        var calibration = Calibration(model.Config, p10: 0, p50: 0, p90: 0);
        model.AttachCalibration(calibration with { CriticalOffsets = [.. calibration.Offsets.Select(_ => 1.0)], CriticalCases = new int[MetricCatalog.Count] });
        var after = new TftForecaster(model).Forecast([normal, critical], 8);

        for (var t = 0; t < 8; t++)
        {
            Assert.Equal(before[0].Series(0.5, Metric.MemUsedPct)[t], after[0].Series(0.5, Metric.MemUsedPct)[t], 1e-4f);
            Assert.True(after[1].Series(0.5, Metric.MemUsedPct)[t] > before[1].Series(0.5, Metric.MemUsedPct)[t] || after[1].Series(0.5, Metric.MemUsedPct)[t] >= 100f - 1e-3f,
                $"memory p50 at step {t}");
            Assert.Equal(before[1].Series(0.5, Metric.CpuUserPct)[t], after[1].Series(0.5, Metric.CpuUserPct)[t], 1e-4f);
        }
    }

    [Fact]
    public void CriticalRegime_NewestReportedValueOfTheLookback_DecidesPerMetric()
    {
        const int steps = 4;
        var values = Enumerable.Repeat(float.NaN, steps * MetricCatalog.Count).ToArray();
        void Set(int t, Metric metric, float value) => values[(t * MetricCatalog.Count) + (int)metric] = value;
        Set(1, Metric.MemUsedPct, 99.5f);      // newest reported memory is critical, the later steps are gaps
        Set(2, Metric.CpuIdlePct, 2f);         // low idle is bad: critical
        Set(3, Metric.CpuIdlePct, 40f);        // ...but the newest idle is normal
        Set(0, Metric.DiskUsagePct, 99.9f);    // outside the look-back of 3 steps
        Set(3, Metric.UptimeDays, 9999f);      // no thresholds
        var flags = new bool[MetricCatalog.Count];

        CriticalRegime.Flags(ServerProfile.Database, values, end: steps, lookback: 3, flags);

        Assert.True(flags[(int)Metric.MemUsedPct]);
        Assert.False(flags[(int)Metric.CpuIdlePct]);
        Assert.False(flags[(int)Metric.DiskUsagePct]);
        Assert.False(flags[(int)Metric.UptimeDays]);
        Assert.Equal(1, flags.Count(f => f));
    }

    [Fact]
    public void Load_CriticalOffsetsOfWrongShape_FailsNamingTheField()
    {
        using (var model = TftModel.Create(TftTestData.SmallConfig(), seed: 36))
        {
            var calibration = Calibration(model.Config, p10: -1, p50: 0, p90: 1);
            model.AttachCalibration(calibration with { CriticalOffsets = [.. calibration.Offsets.Skip(1)] });
            model.Save(_directory);
        }

        var exception = Assert.Throws<ModelLoadException>(() => TftModel.Load(_directory));
        Assert.Contains("calibration.criticalOffsets", exception.Message);
    }

    [Fact]
    public void SaveThenLoad_WithCriticalRegimeShifts_KeepsThem()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 37);
        var calibration = Calibration(model.Config, p10: -1, p50: 0.25, p90: 1);
        model.AttachCalibration(calibration with { CriticalOffsets = [.. calibration.Offsets.Select(o => o + 0.5)], CriticalCases = [.. Enumerable.Range(0, MetricCatalog.Count)] });
        model.Save(_directory);

        using var loaded = TftModel.Load(_directory);

        Assert.Equal(model.Manifest.Calibration!.CriticalOffsets, loaded.Manifest.Calibration!.CriticalOffsets);
        Assert.Equal(model.Manifest.Calibration!.CriticalCases, loaded.Manifest.Calibration!.CriticalCases);
    }

    private static QuantileCalibration Calibration(TftConfig config, double p10, double p50, double p90)
    {
        var buckets = QuantileCalibration.BucketCount(config.HorizonSteps, QuantileCalibrator.DefaultBucketSteps);
        var perQuantile = MetricCatalog.Count * buckets;
        var offsets = new[] { p10, p50, p90 }.SelectMany(o => Enumerable.Repeat(o, perQuantile)).ToArray();
        return new QuantileCalibration(QuantileCalibrator.DefaultBucketSteps, offsets, 1, 0, 0, 0, 0);
    }
}
