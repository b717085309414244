using System.Globalization;
using FleetCast.Core.Datasets;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Retraining;

/// <summary>One retraining job from start to decision: reads the newest <see cref="RetrainingOptions.MaxDays"/> of
/// stored samples, holds out the newest <see cref="RetrainingOptions.HeldOutDays"/>, checks the rest is enough,
/// trains a candidate on it, scores candidate and serving model on the held-out part with the same code, and
/// adopts the candidate only when it is no worse (<see cref="AdoptionRule"/>); either way it is registered with
/// both scores. Runs on the caller's thread (the service gives it a low-priority one).</summary>
public sealed class RetrainingRun(
    SqliteDatabase database,
    ISampleStore samples,
    ForecasterSet forecasters,
    ModelRegistry registry,
    ICandidateTrainer trainer,
    RetrainingOptions options,
    ForecastOptions forecast,
    string modelsDirectory,
    TimeProvider time)
{
    public async Task ExecuteAsync(RetrainingJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var (state, message, modelId) = await RunAsync(job, cancellationToken).ConfigureAwait(false);
            job.Finish(state, message, time.GetUtcNow(), modelId);
        }
        catch (InsufficientDataException exception)
        {
            job.Finish("insufficient-data", exception.Message, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            job.Finish("cancelled", "Cancelled (the server is stopping); the serving model is unchanged.", time.GetUtcNow());
        }
        catch (Exception exception)
        {
            job.Finish("failed", $"Failed; the serving model is unchanged: {exception.Message}", time.GetUtcNow());
        }
    }

    private async Task<(string State, string Message, long? ModelId)> RunAsync(RetrainingJob job, CancellationToken cancellationToken)
    {
        job.Report("reading stored samples", 0.01);
        var latest = samples.LatestTimestamp() ?? throw new InsufficientDataException("No samples are stored yet, so there is nothing to train on.");
        var dataset = StoredFleetDataset.Read(database, forecast.StepSeconds, latest.AddDays(-options.MaxDays));
        var heldOutSteps = (int)Math.Ceiling(options.HeldOutDays * 86_400 / forecast.StepSeconds);
        var horizon = forecast.HorizonSteps;
        if (heldOutSteps <= horizon)
        {
            throw new InsufficientDataException(string.Create(CultureInfo.InvariantCulture,
                $"Retraining:HeldOutDays ({options.HeldOutDays} days = {heldOutSteps} steps) must be longer than the forecast horizon ({horizon} steps)."));
        }

        var trainEnd = dataset.Steps - heldOutSteps;
        var training = dataset.Slice(0, Math.Max(0, trainEnd));
        new DataSufficiency(options.MinServers, options.MinDays).Ensure(training);

        var currentDirectory = forecasters.ModelDirectory;
        using var currentModel = currentDirectory is not null && forecasters.Primary.IsModel ? TftModel.LoadForContinuation(currentDirectory) : null;
        var candidateDirectory = Path.Combine(modelsDirectory, string.Create(CultureInfo.InvariantCulture, $"retrained-{job.Id}"));
        job.Report("training the candidate", 0.05);
        var report = trainer.Train(training, currentModel, candidateDirectory, p =>
            job.Report(string.Create(CultureInfo.InvariantCulture, $"training the candidate: epoch {p.Epoch}/{p.MaxEpochs}, batch {p.Batch}/{p.BatchesPerEpoch}"),
                0.05 + (0.8 * ((p.Epoch - 1) + ((double)p.Batch / Math.Max(1, p.BatchesPerEpoch))) / Math.Max(1, p.MaxEpochs))),
            cancellationToken);

        job.Report("scoring candidate and serving model on the held-out data", 0.87);
        using var candidate = ModelForecasters.Load(candidateDirectory, forecast);
        using var currentCopy = currentModel is null ? null : new TftForecaster(currentModel);
        IForecaster current = currentCopy ?? forecasters.Primary;
        var history = Math.Max(candidate.MinHistorySteps, current.MinHistorySteps);
        if (trainEnd < history)
        {
            throw new InsufficientDataException($"Scoring needs {history} steps of history before the held-out part; only {trainEnd} are stored.");
        }

        var heldOut = dataset.Slice(trainEnd - history, dataset.Steps - (trainEnd - history));
        var stride = Math.Max(1, (heldOutSteps - horizon) / 24);
        var candidateScore = HeldOutScorer.Score(candidate, heldOut, history, horizon, stride, cancellationToken);
        var currentScore = HeldOutScorer.Score(current, heldOut, history, horizon, stride, cancellationToken);
        job.Scored(candidateScore, currentScore);

        var (adopt, reason) = AdoptionRule.Decide(candidateScore, currentScore);
        var modelReport = new ModelReport("retrained", adopt ? "adopted" : "rejected", reason, candidateScore, currentScore, job.Id, ModelRegistry.Summary(report));
        var name = Path.GetFileName(candidateDirectory);
        var registered = adopt
            ? await registry.AdoptAsync(name, candidateDirectory, modelReport, cancellationToken).ConfigureAwait(false)
            : registry.Record(name, candidateDirectory, modelReport);
        return (adopt ? "adopted" : "rejected", reason, registered.Id);
    }
}
