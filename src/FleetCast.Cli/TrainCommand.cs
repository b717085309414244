using System.CommandLine;
using System.Text.Json;
using FleetCast.Core.Datasets;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;
using FleetCast.Server.Storage;
using FleetCast.Simulator.Datasets;

namespace FleetCast.Cli;

/// <summary><c>fleetcast train</c>: trains a TFT on a dataset file, on the samples a server stored in its data
/// directory, or on freshly simulated data (with degrading, critical and cascade episodes) and saves the model directory with its training report.</summary>
public static class TrainCommand
{
    public const string DefaultModelDirectory = "models/default";
    public const string TrainingReportFile = "training.json";

    public static Command Create()
    {
        var data = new Option<FileInfo?>("--data") { Description = "Dataset file written by `fleetcast simulate --out`. Without it, data are simulated in memory from --seed, --days and --servers." };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Train on the samples a FleetCast server stored in this data directory (its fleetcast.db) instead of simulated data." };
        var maxDays = new Option<decimal>("--max-days") { Description = "With --data-dir: train on at most the newest this many days of stored samples.", DefaultValueFactory = _ => 30m };
        var minServers = new Option<int>("--min-servers") { Description = "With --data-dir: fewest servers with --min-days of samples needed to train.", DefaultValueFactory = _ => StoredTraining.DefaultMinServers };
        var minDays = new Option<decimal>("--min-days") { Description = "With --data-dir: days of samples each of those servers needs.", DefaultValueFactory = _ => (decimal)StoredTraining.DefaultMinDays };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated data and of the training run.", DefaultValueFactory = _ => 1 };
        var days = new Option<decimal>("--days") { Description = "Days of simulated data (without --data).", DefaultValueFactory = _ => 21m };
        var servers = new Option<int>("--servers") { Description = "Simulated servers per fleet (without --data).", DefaultValueFactory = _ => 40 };
        var fleets = new Option<int>("--fleets") { Description = "Simulated fleets (without --data), seeds --seed, --seed + 1, …, each starting with another kind of episode: more episodes of every kind at every time of day.", DefaultValueFactory = _ => 5 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Model directory to write.", DefaultValueFactory = _ => new DirectoryInfo(DefaultModelDirectory) };
        var epochs = new Option<int>("--epochs") { Description = "Most epochs to train (early stopping may end sooner).", DefaultValueFactory = _ => 30 };
        var budget = new Option<decimal>("--time-budget-minutes") { Description = "Training stops after this long, keeping the best weights.", DefaultValueFactory = _ => 55m };
        var threads = new Option<int>("--threads") { Description = "CPU threads for training.", DefaultValueFactory = _ => 2 };
        var hidden = new Option<int?>("--hidden-size") { Description = "TFT hidden size (default from TftConfig)." };
        var batch = new Option<int?>("--batch-size") { Description = "Training windows per optimiser step (default from TftTrainingOptions)." };
        var learningRate = new Option<double>("--learning-rate") { Description = "Peak learning rate (Adam; warm-up, then cosine decay over the epochs or the time budget, whichever ends first).", DefaultValueFactory = _ => 2e-3 };
        var windowsPerEpoch = new Option<int>("--windows-per-epoch") { Description = "Training windows drawn (shuffled) per epoch; validation and early stopping run after each.", DefaultValueFactory = _ => 3200 };
        var continueFrom = new Option<DirectoryInfo?>("--continue-from") { Description = "Start from this model directory's weights (and its configuration) instead of a random initialisation, e.g. a checkpoint of an interrupted run." };
        var patience = new Option<int>("--patience") { Description = "Stop after this many epochs without a better validation loss.", DefaultValueFactory = _ => 6 };
        var validationWindows = new Option<int>("--validation-windows") { Description = "Validation windows scored after each epoch (evenly spread over the validation period).", DefaultValueFactory = _ => 1000 };
        var eventWeight = new Option<float>("--event-weight") { Description = "Loss weight of training windows whose value one season before the horizon reached a warning threshold (1 = unweighted).", DefaultValueFactory = _ => 1f };
        var command = new Command("train", "Train the Temporal Fusion Transformer forecaster and save it as a model directory (weights, normalisation, contract, training report).")
        {
            data, dataDir, maxDays, minServers, minDays, seed, days, servers, fleets, output, epochs, budget, threads, hidden, batch, learningRate, windowsPerEpoch, validationWindows, patience, continueFrom, eventWeight,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var problems = new List<string>();
            SimulatedData.Check(parse, days, servers, problems);

            if (parse.GetValue(epochs) < 1)
            {
                problems.Add("--epochs must be at least 1.");
            }

            if (parse.GetValue(budget) <= 0)
            {
                problems.Add("--time-budget-minutes must be positive.");
            }

            if (parse.GetValue(threads) < 1)
            {
                problems.Add("--threads must be at least 1.");
            }

            if (parse.GetValue(fleets) < 1)
            {
                problems.Add("--fleets must be at least 1.");
            }

            if (parse.GetValue(data) is { Exists: false } missing)
            {
                problems.Add($"--data: file '{missing.FullName}' does not exist.");
            }

            StoredTraining.Check(parse, data, dataDir, maxDays, minServers, minDays, problems);
            if (problems.Count > 0)
            {
                problems.ForEach(error.WriteLine);
                return Task.FromResult(2);
            }

            var config = new TftConfig();
            if (parse.GetValue(hidden) is { } hiddenSize)
            {
                config = config with { HiddenSize = hiddenSize };
            }

            var options = new TftTrainingOptions
            {
                Seed = parse.GetValue(seed),
                MaxEpochs = parse.GetValue(epochs),
                Threads = parse.GetValue(threads),
                TimeBudget = TimeSpan.FromMinutes((double)parse.GetValue(budget)),
                ProgressEveryBatches = 25,
                LearningRate = parse.GetValue(learningRate),
                MaxTrainWindowsPerEpoch = parse.GetValue(windowsPerEpoch),
                MaxValidationWindows = parse.GetValue(validationWindows),
                Patience = parse.GetValue(patience),
                EventWeight = parse.GetValue(eventWeight),
                Fleets = parse.GetValue(data) is null && parse.GetValue(dataDir) is null ? parse.GetValue(fleets) : 1,
            };
            if (parse.GetValue(batch) is { } batchSize)
            {
                options = options with { BatchSize = batchSize };
            }

            if (parse.GetValue(continueFrom) is { } startDirectory)
            {
                try
                {
                    var start = TftModel.LoadForContinuation(startDirectory.FullName);
                    config = start.Config;
                    options = options with { ContinueFrom = start };
                }
                catch (ModelLoadException exception)
                {
                    error.WriteLine($"--continue-from: {exception.Message}");
                    return Task.FromResult(2);
                }
            }

            try
            {
                config.Validate();
                options.Validate();
            }
            catch (ArgumentException exception)
            {
                error.WriteLine(exception.Message);
                return Task.FromResult(2);
            }

            FleetDataset dataset;
            if (parse.GetValue(dataDir) is { } directory)
            {
                var sufficiency = new DataSufficiency(parse.GetValue(minServers), (double)parse.GetValue(minDays));
                if (StoredTraining.Read(directory, parse.GetValue(maxDays), sufficiency, error) is not { } stored)
                {
                    return Task.FromResult(2);
                }

                dataset = stored;
            }
            else
            {
                dataset = parse.GetValue(data) is { } file
                    ? FleetDatasetFile.Read(file.FullName)
                    : Simulate(parse.GetValue(seed), parse.GetValue(days), parse.GetValue(servers), options.Fleets);
            }

            return Task.FromResult(Train(parse, dataset, config, options, parse.GetValue(output)!, cancellationToken));
        });
        return command;
    }

    /// <summary>Simulated fleets with degrading, critical and cascade episodes (see <see cref="SimulatedData.GenerateFleets"/>).</summary>
    internal static FleetDataset Simulate(int seed, decimal days, int servers, int fleets) =>
        SimulatedData.GenerateFleets(seed, SimulatedData.StepsFor(days), servers, fleets);

    private static int Train(ParseResult parse, FleetDataset dataset, TftConfig config, TftTrainingOptions options, DirectoryInfo output, CancellationToken cancellationToken)
    {
        var console = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var parameters = TftModel.CountParameters(config);
        console.WriteLine(
            $"Training a TFT ({parameters:N0} parameters, hidden {config.HiddenSize}, variable size {config.VariableSize}) on {dataset.Servers.Count} servers ({options.Fleets} fleet{(options.Fleets == 1 ? "" : "s")}) × {dataset.Steps} steps " +
            $"({(double)dataset.Steps * dataset.StepSeconds / 86_400:0.#} days), {options.Threads} thread{(options.Threads == 1 ? "" : "s")}, at most {options.MaxEpochs} epochs / {options.TimeBudget?.TotalMinutes:0.#} min.");
        console.WriteLine($"The best model so far is saved to {output.FullName} after every epoch that improves the validation loss.");
        options = options with { CheckpointDirectory = output.FullName };
        var bar = new TrainingProgressBar(error, Console.IsErrorRedirected || error != Console.Error);
        TftModel model;
        try
        {
            model = new TftTrainer(config, options).Train(dataset, bar.Report, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            bar.Finish();
            error.WriteLine(File.Exists(Path.Combine(output.FullName, TftModel.ManifestFile))
                ? $"Training cancelled; the best checkpoint so far stays in {output.FullName}."
                : "Training cancelled before the first epoch ended; nothing saved.");
            return 130;
        }

        bar.Finish();
        using (model)
        {
            model.Save(output.FullName);
            var report = model.Manifest.Training!;
            File.WriteAllText(Path.Combine(output.FullName, TrainingReportFile), JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            console.WriteLine(
                $"Trained {report.Epochs} epochs in {TimeSpan.FromSeconds(report.TrainingSeconds):hh\\:mm\\:ss} ({report.StopReason}); best epoch {report.BestEpoch}, " +
                $"validation pinball {report.BestValidationLoss:0.0000}, final training loss {report.TrainLosses[^1]:0.0000}, {report.TrainWindowsPerSecond:0.#} windows/s.");
            console.WriteLine($"Saved the model to {output.FullName}.");
        }

        return 0;
    }
}
