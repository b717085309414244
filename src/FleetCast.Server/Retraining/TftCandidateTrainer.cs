using FleetCast.Core.Datasets;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;
using FleetCast.Server.Options;
namespace FleetCast.Server.Retraining;

/// <summary>Trains the candidate with <see cref="TftTrainer"/> on one thread: the serving model's configuration
/// (so the data contract and horizon stay), from its weights when <see cref="RetrainingOptions.FineTune"/> is on.</summary>
public sealed class TftCandidateTrainer(RetrainingOptions options, ForecastOptions forecast) : ICandidateTrainer
{
    public TftTrainingReport Train(FleetDataset training, TftModel? current, string outputDirectory, Action<TftTrainingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(training);
        var config = current?.Config ?? new TftConfig { HorizonSteps = forecast.HorizonSteps };
        var trainingOptions = new TftTrainingOptions
        {
            Seed = 1,
            MaxEpochs = options.Epochs,
            Threads = 1,
            TimeBudget = TimeSpan.FromMinutes(options.TimeBudgetMinutes),
            MaxTrainWindowsPerEpoch = options.WindowsPerEpoch,
            MaxValidationWindows = options.ValidationWindows,
            CheckpointDirectory = outputDirectory,
            ContinueFrom = options.FineTune ? current : null,
            LearningRate = options.LearningRate,
        };
        using var model = new TftTrainer(config, trainingOptions).Train(training, progress, cancellationToken);
        model.Save(outputDirectory);
        return model.Manifest.Training!;
    }
}
