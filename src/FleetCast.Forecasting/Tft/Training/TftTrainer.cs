using System.Diagnostics;
using System.Runtime.InteropServices;
using FleetCast.Core.Datasets;
using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Trains a TFT on a fleet dataset: time-split windows, Adam with warm-up + cosine learning
/// rate, gradient clipping, early stopping on validation loss, a time budget, cancellation. The
/// returned model holds the best validation weights, its training report and a quantile calibration
/// measured on all validation windows.</summary>
public sealed class TftTrainer
{
    private readonly TftConfig _config;
    private readonly TftTrainingOptions _options;

    public TftTrainer(TftConfig config, TftTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        config.Validate();
        options.Validate();
        _config = config;
        _options = options;
    }

    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public TftModel Train(FleetDataset dataset, Action<TftTrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var options = _options;
        var windows = TrainingWindows.Create(dataset, _config.LookbackSteps, _config.HorizonSteps, _config.SeasonSteps, options.StrideSteps, options.ValidationFraction);
        var statistics = InputStatisticsBuilder.Build(dataset, windows.ValidationStartStep);

        NativeHeap.EnsureTuned();
        torch.set_num_threads(options.Threads);
        torch.random.manual_seed(options.Seed);
        var shuffle = new Random(options.Seed);
        var network = new TftNetwork(_config);
        try
        {
            if (options.ContinueFrom is { } start)
            {
                if (start.Config != _config)
                {
                    throw new ArgumentException("The model to continue from has another configuration than the one to train.", nameof(options));
                }

                CopyWeights(start, network);
            }

            var report = Run(network, windows, dataset, statistics, shuffle, progress, cancellationToken);
            var calibration = QuantileCalibrator.Fit(network, windows, windows.Validation, _options.ValidationBatchSize, QuantileCalibrator.DefaultBucketSteps, cancellationToken);
            var model = TftModel.FromTrainedNetwork(network, dataset.StepSeconds);
            model.AttachTraining(report, statistics, calibration);
            return model;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    private TftTrainingReport Run(TftNetwork network, TrainingWindows windows, FleetDataset dataset, IReadOnlyList<MetricInputStatistics> statistics, Random shuffle, Action<TftTrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var options = _options;
        var train = windows.Train.ToArray();
        var perEpoch = Math.Min(train.Length, options.MaxTrainWindowsPerEpoch ?? int.MaxValue);
        var batchesPerEpoch = (perEpoch + options.BatchSize - 1) / options.BatchSize;
        var schedule = new WarmupCosineSchedule(options.LearningRate, options.WarmupSteps, batchesPerEpoch * options.MaxEpochs, options.FinalLearningRateFraction);
        using var optimizer = optim.Adam(network.parameters(), options.LearningRate);

        var stopwatch = Stopwatch.StartNew();
        var trainLosses = new List<double>();
        var validationLosses = new List<double>();
        Dictionary<string, Tensor>? best = null;
        var bestLoss = double.PositiveInfinity;
        var bestEpoch = 0;
        var sinceBest = 0;
        var step = 0;
        long windowsTrained = 0;
        var skipped = 0;
        string? lastSkipError = null;
        var stopReason = "max-epochs";

        try
        {
            for (var epoch = 1; epoch <= options.MaxEpochs; epoch++)
            {
                Shuffle(train, shuffle);
                network.train();
                double lossSum = 0;
                var batches = 0;
                var outOfTime = false;
                for (var offset = 0; offset < perEpoch; offset += options.BatchSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(options.BatchSize, perEpoch - offset);
                    foreach (var group in optimizer.ParamGroups)
                    {
                        group.LearningRate = schedule.RateAt(step, options.TimeBudget is { } limit ? stopwatch.Elapsed / limit : 0);
                    }

                    try
                    {
                        lossSum += TrainBatch(network, optimizer, windows, train, offset, count);
                    }
                    catch (ExternalException exception) when (skipped < options.MaxSkippedBatches)
                    {
                        // A native error inside TorchSharp (seen as "toFloat at c10/core/Scalar.h" after
                        // minutes of training) fails one batch; skip it rather than lose the run.
                        skipped++;
                        lastSkipError = exception.Message.Split('\n')[0];
                        optimizer.zero_grad();
                        continue;
                    }

                    batches++;
                    step++;
                    windowsTrained += count;

                    outOfTime = options.TimeBudget is { } budget && stopwatch.Elapsed >= budget;
                    if (progress is not null && (batches % options.ProgressEveryBatches == 0) && batches < batchesPerEpoch)
                    {
                        progress(Progress(epoch, batches, batchesPerEpoch, lossSum / batches, validationLosses, bestLoss, stopwatch.Elapsed, step, false));
                    }

                    if (outOfTime)
                    {
                        break;
                    }
                }

                var validationLoss = Evaluate(network, windows, cancellationToken);
                trainLosses.Add(lossSum / Math.Max(1, batches));
                validationLosses.Add(validationLoss);
                if (validationLoss < bestLoss - (1e-4 * Math.Abs(bestLoss)) || best is null)
                {
                    bestLoss = Math.Min(bestLoss, validationLoss);
                    bestEpoch = epoch;
                    sinceBest = 0;
                    Release(best);
                    best = Snapshot(network);
                    if (options.CheckpointDirectory is { } checkpoint)
                    {
                        network.eval();
                        TftModel.SaveCheckpoint(network, dataset.StepSeconds, Report("checkpoint"), statistics, checkpoint);
                        network.train();
                    }
                }
                else
                {
                    sinceBest++;
                }

                progress?.Invoke(Progress(epoch, batches, batchesPerEpoch, trainLosses[^1], validationLosses, bestLoss, stopwatch.Elapsed, step, true));

                if (outOfTime)
                {
                    stopReason = "time-budget";
                    break;
                }

                if (sinceBest >= options.Patience)
                {
                    stopReason = "early-stopping";
                    break;
                }
            }

            Restore(network, best!);
        }
        finally
        {
            Release(best);
        }

        network.eval();
        return Report(stopReason);

        TftTrainingReport Report(string reason)
        {
            var seconds = stopwatch.Elapsed.TotalSeconds;
            return new TftTrainingReport
            {
                Seed = options.Seed,
                DataSeed = dataset.Seed,
                Days = (double)dataset.Steps * dataset.StepSeconds / 86_400,
                Servers = dataset.Servers.Count,
                Fleets = options.Fleets,
                StrideSteps = options.StrideSteps,
                TrainWindows = windows.Train.Count,
                ValidationWindows = Math.Min(windows.Validation.Count, options.MaxValidationWindows ?? int.MaxValue),
                ValidationStartStep = windows.ValidationStartStep,
                Epochs = trainLosses.Count,
                BestEpoch = bestEpoch,
                TrainLosses = [.. trainLosses],
                ValidationLosses = [.. validationLosses],
                BestValidationLoss = bestLoss,
                StopReason = reason,
                TrainingSeconds = seconds,
                TrainWindowsPerSecond = seconds > 0 ? windowsTrained / seconds : 0,
                SkippedBatches = skipped,
                LastSkippedBatchError = lastSkipError,
                ContinuedFrom = options.ContinueFrom?.Manifest.Training,
                EventWeight = options.EventWeight,
                Threads = options.Threads,
                ProcessorCount = Environment.ProcessorCount,
                OperatingSystem = RuntimeInformation.OSDescription,
                Runtime = RuntimeInformation.FrameworkDescription,
                FinishedAt = DateTimeOffset.UtcNow,
            };
        }

        TftTrainingProgress Progress(int epoch, int batch, int batchesPerEpochValue, double trainLoss, List<double> validation, double bestValue, TimeSpan elapsed, int stepsDone, bool completed)
        {
            var totalSteps = (long)batchesPerEpochValue * options.MaxEpochs;
            var remaining = TimeSpan.FromSeconds(elapsed.TotalSeconds / Math.Max(1, stepsDone) * Math.Max(0, totalSteps - stepsDone));
            if (options.TimeBudget is { } budget && budget - elapsed < remaining)
            {
                remaining = budget > elapsed ? budget - elapsed : TimeSpan.Zero;
            }

            return new TftTrainingProgress(
                epoch, options.MaxEpochs, batch, batchesPerEpochValue, trainLoss,
                validation.Count > 0 ? validation[^1] : null,
                double.IsFinite(bestValue) ? bestValue : null,
                elapsed, remaining, completed);
        }
    }

    private double TrainBatch(TftNetwork network, optim.Optimizer optimizer, TrainingWindows windows, (int Server, int Start)[] train, int offset, int count)
    {
        using var quiet = NoCollectionRegion.Enter();
        using var scope = torch.NewDisposeScope();
        var batch = new TftBatch(count, _config.LookbackSteps, _config.HorizonSteps, _config.SeasonSteps, withTargets: true);
        windows.Fill(batch, train, offset, _options.EventWeight);
        var outputs = network.forward(batch.ToInputs());
        var (target, mask) = batch.ToTargets();
        var loss = PinballLoss.Compute(outputs.Quantiles, target, mask, _config.Quantiles);
        optimizer.zero_grad();
        loss.backward();
        nn.utils.clip_grad_norm_(network.parameters(), _options.GradientClipNorm);
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>Mean pinball loss over all validation windows (weighted by batch size), in eval mode.</summary>
    private double Evaluate(TftNetwork network, TrainingWindows windows, CancellationToken cancellationToken)
    {
        network.eval();
        using var noGrad = torch.no_grad();
        var validation = ValidationSubset(windows.Validation, _options.MaxValidationWindows);
        double sum = 0;
        for (var offset = 0; offset < validation.Count; offset += _options.ValidationBatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var quiet = NoCollectionRegion.Enter();
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(_options.ValidationBatchSize, validation.Count - offset);
            var batch = new TftBatch(count, _config.LookbackSteps, _config.HorizonSteps, _config.SeasonSteps, withTargets: true);
            windows.Fill(batch, validation, offset);
            var outputs = network.forward(batch.ToInputs());
            var (target, mask) = batch.ToTargets();
            sum += PinballLoss.Compute(outputs.Quantiles, target, mask, _config.Quantiles).item<float>() * count;
        }

        network.train();
        return sum / validation.Count;
    }

    /// <summary>At most <paramref name="limit"/> windows, evenly spaced (the same ones every epoch).</summary>
    private static IReadOnlyList<(int Server, int Start)> ValidationSubset(IReadOnlyList<(int Server, int Start)> all, int? limit)
    {
        if (limit is not { } count || count >= all.Count)
        {
            return all;
        }

        return Enumerable.Range(0, count).Select(i => all[(int)((long)i * all.Count / count)]).ToArray();
    }

    private static void CopyWeights(TftModel source, TftNetwork target)
    {
        using var noGrad = torch.no_grad();
        lock (source.Gate)
        {
            var weights = source.Network.state_dict();
            foreach (var (name, value) in target.state_dict())
            {
                // A weight the earlier model lacks keeps its initial value (a network grown since).
                if (weights.TryGetValue(name, out var earlier) && earlier.shape.SequenceEqual(value.shape))
                {
                    value.copy_(earlier);
                }
            }
        }
    }

    private static Dictionary<string, Tensor> Snapshot(TftNetwork network)
    {
        using var noGrad = torch.no_grad();
        return network.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
    }

    private static void Restore(TftNetwork network, Dictionary<string, Tensor> state)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, value) in network.state_dict())
        {
            value.copy_(state[name]);
        }
    }

    private static void Release(Dictionary<string, Tensor>? state)
    {
        if (state is null)
        {
            return;
        }

        foreach (var tensor in state.Values)
        {
            tensor.Dispose();
        }

        state.Clear();
    }

    private static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
