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
        Assert.Equal(calibration.Offsets.Count, calibration.SustainedOffsets!.Count);
        Assert.Equal(calibration.Offsets.Count, calibration.SustainedPersistence!.Count);
        Assert.All(Enumerable.Range(0, MetricCatalog.Count), m => Assert.True(calibration.SustainedCases![m] <= calibration.CriticalCases[m]));
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
    public void CriticalRegime_NewestReportedValuesOfTheLookback_DecidePerMetric()
    {
        const int steps = 6;
        var values = Enumerable.Repeat(float.NaN, steps * MetricCatalog.Count).ToArray();
        void Set(int t, Metric metric, float value) => values[(t * MetricCatalog.Count) + (int)metric] = value;
        Set(1, Metric.MemUsedPct, 99.5f);      // newest reported memory is critical, the later steps are gaps
        Set(4, Metric.CpuIdlePct, 2f);         // low idle is bad: critical
        Set(5, Metric.CpuIdlePct, 40f);        // ...but the newest idle is normal
        Set(0, Metric.DiskUsagePct, 99.9f);    // outside the look-back of 5 steps
        Set(5, Metric.UptimeDays, 9999f);      // no thresholds
        Set(3, Metric.SwapUsedPct, 60f);       // three critical reported values in a row, a gap between: sustained
        Set(4, Metric.SwapUsedPct, 70f);
        Set(5, Metric.SwapUsedPct, 80f);
        Set(1, Metric.CpuIowaitPct, 50f);      // the newest two reported values are critical, the one before is not
        Set(4, Metric.CpuIowaitPct, 10f);
        Set(5, Metric.CpuIowaitPct, 50f);
        var regimes = new ForecastRegime[MetricCatalog.Count];

        CriticalRegime.Classify(ServerProfile.Generic, values, end: steps, lookback: 5, regimes);

        Assert.Equal(ForecastRegime.Critical, regimes[(int)Metric.MemUsedPct]);
        Assert.Equal(ForecastRegime.Normal, regimes[(int)Metric.CpuIdlePct]);
        Assert.Equal(ForecastRegime.Normal, regimes[(int)Metric.DiskUsagePct]);
        Assert.Equal(ForecastRegime.Normal, regimes[(int)Metric.UptimeDays]);
        Assert.Equal(ForecastRegime.SustainedCritical, regimes[(int)Metric.SwapUsedPct]);
        Assert.Equal(ForecastRegime.Critical, regimes[(int)Metric.CpuIowaitPct]);
        Assert.Equal(3, regimes.Count(r => r != ForecastRegime.Normal));
    }

    [Fact]
    public void Forecast_MetricInASustainedCriticalState_GetsTheSustainedShifts()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 38);
        var normal = TftTestData.Window("ppdb001", ServerProfile.Database, 24, 1);
        ServerWindow WithMemory(string name, params float[] newest)
        {
            var values = (float[])normal.Values.Clone();
            for (var i = 0; i < newest.Length; i++)
            {
                values[((normal.Length - newest.Length + i) * MetricCatalog.Count) + (int)Metric.MemUsedPct] = newest[i];
            }

            return new ServerWindow(name, ServerProfile.Database, normal.LastStepTime, normal.StepSeconds, values, normal.Observed);
        }

        var justCritical = WithMemory("ppdb002", 60f, 99.5f);
        var sustained = WithMemory("ppdb003", 99.5f, 99.5f, 99.5f);

        // Critical shifts −1, sustained shifts +1: the just-critical window moves down, the sustained one up.
        var calibration = Calibration(model.Config, p10: 0, p50: 0, p90: 0);
        model.AttachCalibration(calibration);
        var before = new TftForecaster(model).Forecast([justCritical, sustained], 8);
        model.AttachCalibration(calibration with
        {
            CriticalOffsets = [.. calibration.Offsets.Select(_ => -1.0)],
            SustainedOffsets = [.. calibration.Offsets.Select(_ => 1.0)],
        });
        var after = new TftForecaster(model).Forecast([justCritical, sustained], 8);

        for (var t = 0; t < 8; t++)
        {
            Assert.True(after[0].Series(0.5, Metric.MemUsedPct)[t] < before[0].Series(0.5, Metric.MemUsedPct)[t] || after[0].Series(0.5, Metric.MemUsedPct)[t] <= 1e-3f, $"just critical, step {t}");
            Assert.True(after[1].Series(0.5, Metric.MemUsedPct)[t] > before[1].Series(0.5, Metric.MemUsedPct)[t] || after[1].Series(0.5, Metric.MemUsedPct)[t] >= 100f - 1e-3f, $"sustained, step {t}");
        }
    }

    [Fact]
    public void Forecast_ModelWithoutSustainedShifts_GivesASustainedStateTheCriticalShifts()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 39);
        var normal = TftTestData.Window("ppdb001", ServerProfile.Database, 24, 1);
        var values = (float[])normal.Values.Clone();
        for (var t = normal.Length - 3; t < normal.Length; t++)
        {
            values[(t * MetricCatalog.Count) + (int)Metric.MemUsedPct] = 99.5f;
        }

        var sustained = new ServerWindow("ppdb002", ServerProfile.Database, normal.LastStepTime, normal.StepSeconds, values, normal.Observed);
        var calibration = Calibration(model.Config, p10: 0, p50: 0, p90: 0);
        var withCritical = calibration with { CriticalOffsets = [.. calibration.Offsets.Select(_ => 0.5)] };
        model.AttachCalibration(withCritical);
        var critical = new TftForecaster(model).Forecast([sustained], 8);
        model.AttachCalibration(withCritical with { SustainedOffsets = withCritical.CriticalOffsets });
        var explicitSustained = new TftForecaster(model).Forecast([sustained], 8);

        Assert.Equal(explicitSustained[0].Series(0.5, Metric.MemUsedPct).ToArray(), critical[0].Series(0.5, Metric.MemUsedPct).ToArray());
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
    public void Load_SustainedOffsetsOfWrongShape_FailsNamingTheField()
    {
        using (var model = TftModel.Create(TftTestData.SmallConfig(), seed: 40))
        {
            var calibration = Calibration(model.Config, p10: -1, p50: 0, p90: 1);
            model.AttachCalibration(calibration with { SustainedOffsets = [.. calibration.Offsets.Skip(2)] });
            model.Save(_directory);
        }

        var exception = Assert.Throws<ModelLoadException>(() => TftModel.Load(_directory));
        Assert.Contains("calibration.sustainedOffsets", exception.Message);
    }

    [Fact]
    public void SaveThenLoad_WithCriticalRegimeShifts_KeepsThem()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 37);
        var calibration = Calibration(model.Config, p10: -1, p50: 0.25, p90: 1);
        model.AttachCalibration(calibration with
        {
            CriticalOffsets = [.. calibration.Offsets.Select(o => o + 0.5)],
            CriticalCases = [.. Enumerable.Range(0, MetricCatalog.Count)],
            SustainedOffsets = [.. calibration.Offsets.Select(o => o + 0.75)],
            SustainedCases = [.. Enumerable.Range(0, MetricCatalog.Count)],
        });
        model.Save(_directory);

        using var loaded = TftModel.Load(_directory);

        Assert.Equal(model.Manifest.Calibration!.CriticalOffsets, loaded.Manifest.Calibration!.CriticalOffsets);
        Assert.Equal(model.Manifest.Calibration!.CriticalCases, loaded.Manifest.Calibration!.CriticalCases);
        Assert.Equal(model.Manifest.Calibration!.SustainedOffsets, loaded.Manifest.Calibration!.SustainedOffsets);
        Assert.Equal(model.Manifest.Calibration!.SustainedCases, loaded.Manifest.Calibration!.SustainedCases);
    }

    private static QuantileCalibration Calibration(TftConfig config, double p10, double p50, double p90)
    {
        var buckets = QuantileCalibration.BucketCount(config.HorizonSteps, QuantileCalibrator.DefaultBucketSteps);
        var perQuantile = MetricCatalog.Count * buckets;
        var offsets = new[] { p10, p50, p90 }.SelectMany(o => Enumerable.Repeat(o, perQuantile)).ToArray();
        return new QuantileCalibration(QuantileCalibrator.DefaultBucketSteps, offsets, 1, 0, 0, 0, 0);
    }
}
