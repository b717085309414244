using FleetCast.Core.Datasets;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Measures a model's quantile calibration again on the validation period of a dataset (the
/// same split training uses) and attaches it to the model; for a checkpoint saved before training
/// finished, or for a model to recalibrate on newer data.</summary>
public static class TftRecalibration
{
    /// <param name="bucketSteps">Horizon steps that share one shift (<see cref="QuantileCalibrator.DefaultBucketSteps"/> when null).</param>
    /// <exception cref="ArgumentException">The dataset's step length differs from the model's, or it is too short for one window.</exception>
    public static QuantileCalibration Calibrate(TftModel model, FleetDataset dataset, int strideSteps, double validationFraction, int threads = 1, int? bucketSteps = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.StepSeconds != model.StepSeconds)
        {
            throw new ArgumentException($"The dataset is on {dataset.StepSeconds}-second steps; the model was trained on {model.StepSeconds}.", nameof(dataset));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var config = model.Config;
        var windows = TrainingWindows.Create(dataset, config.LookbackSteps, config.HorizonSteps, config.SeasonSteps, strideSteps, validationFraction);
        QuantileCalibration calibration;
        lock (model.Gate)
        {
            TorchSharp.torch.set_num_threads(threads);
            calibration = QuantileCalibrator.Fit(model.Network, windows, windows.Validation, 256, bucketSteps ?? QuantileCalibrator.DefaultBucketSteps, cancellationToken);
        }

        model.AttachCalibration(calibration);
        return calibration;
    }
}
