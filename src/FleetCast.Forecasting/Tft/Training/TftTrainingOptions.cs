namespace FleetCast.Forecasting.Tft.Training;

/// <summary>How a TFT is trained. Defaults fit the budget of DESIGN.md §6 (≤ 60 min on 2 cores).</summary>
public sealed record TftTrainingOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>A training window starts every this many steps.</summary>
    public int StrideSteps { get; init; } = 12;

    /// <summary>Share of the dataset's time span (the end) held out for validation.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    public int BatchSize { get; init; } = 64;

    public int ValidationBatchSize { get; init; } = 256;

    public int MaxEpochs { get; init; } = 30;

    /// <summary>When set, each epoch draws at most this many training windows (shuffled).</summary>
    public int? MaxTrainWindowsPerEpoch { get; init; }

    /// <summary>When set, validation uses at most this many windows, evenly spread over the validation period.</summary>
    public int? MaxValidationWindows { get; init; }

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warm-up over this many optimiser steps, then cosine decay.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>The cosine decay ends at LearningRate × this.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.05;

    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>Stop after this many epochs without a better validation loss.</summary>
    public int Patience { get; init; } = 4;

    public int Threads { get; init; } = 2;

    /// <summary>Training stops when this is exceeded, keeping the best weights so far.</summary>
    public TimeSpan? TimeBudget { get; init; } = TimeSpan.FromMinutes(60);

    /// <summary>When set, training starts from this model's weights (same configuration) instead of a
    /// random initialisation; its training report is kept in the new report.</summary>
    public TftModel? ContinueFrom { get; init; }

    /// <summary>Training batches that may fail with a native TorchSharp error and be skipped before
    /// the run gives up (the best checkpoint so far stays saved).</summary>
    public int MaxSkippedBatches { get; init; } = 20;

    /// <summary>When set, the best model so far is written here (a loadable model directory) after
    /// every epoch that improves the validation loss, so a crash or kill keeps the training done.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Loss weight of training windows whose season-ago inputs over the horizon reach a warning
    /// threshold (1 = no weighting); validation is never weighted.</summary>
    public float EventWeight { get; init; } = 1f;

    /// <summary>How many simulated fleets the dataset joins (1 for a dataset file); recorded in the report
    /// so the same data can be generated again (e.g. by <c>fleetcast calibrate</c>).</summary>
    public int Fleets { get; init; } = 1;

    /// <summary>Progress is reported every this many batches and at the end of every epoch.</summary>
    public int ProgressEveryBatches { get; init; } = 10;

    public void Validate()
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Require(StrideSteps >= 1, $"{nameof(StrideSteps)} must be at least 1; got {StrideSteps}.");
        Require(ValidationFraction is > 0 and < 1, $"{nameof(ValidationFraction)} must be in (0, 1); got {ValidationFraction}.");
        Require(BatchSize >= 1, $"{nameof(BatchSize)} must be at least 1; got {BatchSize}.");
        Require(ValidationBatchSize >= 1, $"{nameof(ValidationBatchSize)} must be at least 1; got {ValidationBatchSize}.");
        Require(MaxEpochs >= 1, $"{nameof(MaxEpochs)} must be at least 1; got {MaxEpochs}.");
        Require(MaxTrainWindowsPerEpoch is null or >= 1, $"{nameof(MaxTrainWindowsPerEpoch)} must be at least 1; got {MaxTrainWindowsPerEpoch}.");
        Require(MaxValidationWindows is null or >= 1, $"{nameof(MaxValidationWindows)} must be at least 1; got {MaxValidationWindows}.");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"{nameof(LearningRate)} must be positive; got {LearningRate}.");
        Require(WarmupSteps >= 0, $"{nameof(WarmupSteps)} must not be negative; got {WarmupSteps}.");
        Require(FinalLearningRateFraction is > 0 and <= 1, $"{nameof(FinalLearningRateFraction)} must be in (0, 1]; got {FinalLearningRateFraction}.");
        Require(GradientClipNorm > 0, $"{nameof(GradientClipNorm)} must be positive; got {GradientClipNorm}.");
        Require(Patience >= 1, $"{nameof(Patience)} must be at least 1; got {Patience}.");
        Require(Threads >= 1, $"{nameof(Threads)} must be at least 1; got {Threads}.");
        Require(TimeBudget is null || TimeBudget > TimeSpan.Zero, $"{nameof(TimeBudget)} must be positive; got {TimeBudget}.");
        Require(MaxSkippedBatches >= 0, $"{nameof(MaxSkippedBatches)} must not be negative; got {MaxSkippedBatches}.");
        Require(Fleets >= 1, $"{nameof(Fleets)} must be at least 1; got {Fleets}.");
        Require(EventWeight > 0 && float.IsFinite(EventWeight), $"{nameof(EventWeight)} must be positive; got {EventWeight}.");
        Require(ProgressEveryBatches >= 1, $"{nameof(ProgressEveryBatches)} must be at least 1; got {ProgressEveryBatches}.");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid TFT training options: " + string.Join(" ", errors));
        }
    }
}
