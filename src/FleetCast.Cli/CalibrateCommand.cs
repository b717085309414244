using System.CommandLine;
using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;
using FleetCast.Simulator.Datasets;

namespace FleetCast.Cli;

/// <summary><c>fleetcast calibrate</c>: measures a model's quantile calibration on the validation period
/// of its training data (by default the simulated data named in its training report) and saves it
/// into the model directory.</summary>
public static class CalibrateCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "Model directory to calibrate (rewritten in place).", DefaultValueFactory = _ => new DirectoryInfo(TrainCommand.DefaultModelDirectory) };
        var data = new Option<FileInfo?>("--data") { Description = "Dataset file written by `fleetcast simulate --out`. Without it, the simulated data of the model's training report are generated again." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the simulated data (default: the training report's data seed)." };
        var days = new Option<decimal?>("--days") { Description = "Days of simulated data (default: the training report's)." };
        var servers = new Option<int?>("--servers") { Description = "Simulated servers, one fleet (default: the training report's servers and fleets)." };
        var threads = new Option<int>("--threads") { Description = "CPU threads for the TFT.", DefaultValueFactory = _ => 2 };
        var bucketSteps = new Option<int>("--bucket-steps") { Description = "Horizon steps that share one calibration shift.", DefaultValueFactory = _ => QuantileCalibration.DefaultBucketSteps };
        var command = new Command("calibrate", "Measure the quantile calibration of a TFT model on the validation period of its data and save it into the model directory.")
        {
            model, data, seed, days, servers, threads, bucketSteps,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var console = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var directory = parse.GetValue(model)!.FullName;
            if (parse.GetValue(threads) < 1)
            {
                error.WriteLine("--threads must be at least 1.");
                return Task.FromResult(2);
            }

            if (parse.GetValue(bucketSteps) < 1)
            {
                error.WriteLine("--bucket-steps must be at least 1.");
                return Task.FromResult(2);
            }

            if (parse.GetValue(data) is { Exists: false } missing)
            {
                error.WriteLine($"--data: file '{missing.FullName}' does not exist.");
                return Task.FromResult(2);
            }

            TftModel loaded;
            try
            {
                loaded = TftModel.Load(directory);
            }
            catch (ModelLoadException exception)
            {
                error.WriteLine($"--model: {exception.Message}");
                return Task.FromResult(2);
            }

            using (loaded)
            {
                var report = loaded.Manifest.Training;
                FleetDataset dataset;
                if (parse.GetValue(data) is { } file)
                {
                    dataset = FleetDatasetFile.Read(file.FullName);
                }
                else if ((parse.GetValue(seed) ?? report?.DataSeed) is { } dataSeed
                    && (parse.GetValue(days) ?? (decimal?)report?.Days) is { } dataDays and > 0
                    && (parse.GetValue(servers) ?? report?.Servers) is { } dataServers and > 0)
                {
                    var fleets = parse.GetValue(servers) is null ? report?.Fleets ?? 1 : 1;
                    var perFleet = Math.Max(1, dataServers / fleets);
                    console.WriteLine($"Simulating {fleets} fleet{(fleets == 1 ? "" : "s")} of {perFleet} servers × {dataDays:0.#} days (seed {dataSeed}).");
                    dataset = SimulatedData.GenerateFleets(dataSeed, SimulatedData.StepsFor(dataDays), perFleet, fleets);
                }
                else
                {
                    error.WriteLine("The model's training report names no simulated data; pass --data FILE, or --seed, --days and --servers (positive).");
                    return Task.FromResult(2);
                }

                QuantileCalibration calibration;
                try
                {
                    calibration = TftRecalibration.Calibrate(loaded, dataset, report?.StrideSteps ?? new TftTrainingOptions().StrideSteps, new TftTrainingOptions().ValidationFraction, parse.GetValue(threads), parse.GetValue(bucketSteps), cancellationToken);
                }
                catch (ArgumentException exception)
                {
                    error.WriteLine(exception.Message);
                    return Task.FromResult(2);
                }

                loaded.Save(directory);
                console.WriteLine(
                    $"Calibrated on {calibration.Windows:N0} validation windows: p10–p90 coverage {calibration.CoverageBefore:0.0%} → {calibration.CoverageAfter:0.0%}, " +
                    $"pinball {calibration.PinballBefore:0.0000} → {calibration.PinballAfter:0.0000}. Saved to {directory}.");
                console.WriteLine(RegimeCases(calibration));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Validation windows per metric in each critical regime (only metrics with any).</summary>
    private static string RegimeCases(QuantileCalibration calibration)
    {
        var metrics = Enumerable.Range(0, MetricCatalog.Count)
            .Where(m => calibration.CriticalCases?[m] > 0)
            .Select(m => $"{MetricCatalog.Get((Metric)m).WireName} {calibration.CriticalCases![m]} ({calibration.SustainedCases?[m] ?? 0} sustained)");
        var listed = string.Join(", ", metrics);
        return $"Windows ending critical (sustained: the newest {CriticalRegime.SustainedSteps} values), own shifts from {QuantileCalibration.MinCriticalCases}: {(listed.Length == 0 ? "none" : listed)}.";
    }
}
