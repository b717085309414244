namespace FleetCast.Forecasting.Tft.Training;

/// <summary>A progress report of a training run.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">Batches done in this epoch.</param>
/// <param name="TrainLoss">Mean training loss of this epoch so far.</param>
/// <param name="ValidationLoss">Validation loss of the last finished epoch (null before the first).</param>
/// <param name="EstimatedRemaining">Time left if training runs all epochs, capped by the time budget.</param>
public sealed record TftTrainingProgress(
    int Epoch,
    int MaxEpochs,
    int Batch,
    int BatchesPerEpoch,
    double TrainLoss,
    double? ValidationLoss,
    double? BestValidationLoss,
    TimeSpan Elapsed,
    TimeSpan EstimatedRemaining,
    bool EpochCompleted);
