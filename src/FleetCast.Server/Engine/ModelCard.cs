using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Server.Engine;

/// <summary>What the primary forecaster is: a trained model with its manifest and training summary, or a baseline.</summary>
/// <param name="Name">Wire name of the primary forecaster ("tft", "holt-winters", …).</param>
/// <param name="Message">A sentence for people: what is forecasting and, for a baseline, why there is no model card.</param>
public sealed record ModelCard(
    string Name,
    bool IsModel,
    string Message,
    int? ContractVersion,
    long? ParameterCount,
    int? StepSeconds,
    int? LookbackSteps,
    int? HorizonSteps,
    IReadOnlyList<double>? Quantiles,
    string? Normalisation,
    DateTimeOffset? CreatedAt,
    ModelTrainingSummary? Training)
{
    public static ModelCard For(IForecaster primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        if (primary is not TftForecaster tft)
        {
            return new ModelCard(primary.Name, primary.IsModel,
                primary.IsModel
                    ? $"The primary forecaster \"{primary.Name}\" is a model that publishes no manifest."
                    : $"No trained model is loaded: the server forecasts with the \"{primary.Name}\" baseline, which has no training data, losses or training distribution.",
                null, null, null, null, null, null, null, null, null);
        }

        var manifest = tft.Model.Manifest;
        var training = manifest.Training is { } t ? ModelTrainingSummary.From(t) : null;
        return new ModelCard(primary.Name, true,
            training is null
                ? "The TFT model is loaded but was never trained (its manifest has no training report)."
                : $"The TFT model is forecasting ({manifest.ParameterCount:N0} parameters, trained {training.Epochs} epochs on {training.Days:0.##} days × {training.Servers} servers).",
            manifest.ContractVersion, manifest.ParameterCount, manifest.StepSeconds, manifest.LookbackSteps, manifest.HorizonSteps, manifest.Quantiles,
            manifest.Normalisation, manifest.CreatedAt, training);
    }
}

/// <summary>The training report in brief: data, epochs, losses, time.</summary>
/// <param name="DataSeed">Simulator seed of the training data; null for real data.</param>
/// <param name="EarlierEpochs">Epochs of the runs this one continued from (0 when it started fresh).</param>
/// <param name="EarlierTrainingSeconds">Training time of the runs this one continued from.</param>
public sealed record ModelTrainingSummary(
    int Seed,
    int? DataSeed,
    double Days,
    int Servers,
    int TrainWindows,
    int ValidationWindows,
    int Epochs,
    int BestEpoch,
    string StopReason,
    double? FinalTrainLoss,
    double BestValidationLoss,
    IReadOnlyList<double> TrainLosses,
    IReadOnlyList<double> ValidationLosses,
    double TrainingSeconds,
    int Threads,
    DateTimeOffset FinishedAt,
    int EarlierEpochs = 0,
    double EarlierTrainingSeconds = 0)
{
    public static ModelTrainingSummary From(TftTrainingReport report) => new(report.Seed, report.DataSeed, report.Days, report.Servers,
        report.TrainWindows, report.ValidationWindows, report.Epochs, report.BestEpoch, report.StopReason,
        report.TrainLosses.Count > 0 ? report.TrainLosses[^1] : null, report.BestValidationLoss, report.TrainLosses, report.ValidationLosses,
        report.TrainingSeconds, report.Threads, report.FinishedAt,
        Earlier(report).Sum(r => r.Epochs), Earlier(report).Sum(r => r.TrainingSeconds));

    private static IEnumerable<TftTrainingReport> Earlier(TftTrainingReport report)
    {
        for (var earlier = report.ContinuedFrom; earlier is not null; earlier = earlier.ContinuedFrom)
        {
            yield return earlier;
        }
    }
}
