using FleetCast.Core.Datasets;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;

namespace FleetCast.Server.Retraining;

/// <summary>Trains a candidate model on the training part of the stored samples and saves it as a model directory.</summary>
public interface ICandidateTrainer
{
    /// <param name="current">The serving TFT (its configuration and, when fine-tuning, its weights); null when a baseline serves.</param>
    /// <returns>The candidate's training report.</returns>
    TftTrainingReport Train(FleetDataset training, TftModel? current, string outputDirectory, Action<TftTrainingProgress> progress, CancellationToken cancellationToken);
}
