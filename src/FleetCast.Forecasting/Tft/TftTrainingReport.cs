namespace FleetCast.Forecasting.Tft;

/// <summary>How a model was trained: on what data, for how long, with what result, on which machine.</summary>
public sealed record TftTrainingReport
{
    public required int Seed { get; init; }

    /// <summary>Seed of the simulator that produced the data; null for real data.</summary>
    public int? DataSeed { get; init; }

    public required double Days { get; init; }

    /// <summary>All servers of the dataset (of all fleets).</summary>
    public required int Servers { get; init; }

    /// <summary>Simulated fleets joined in the dataset (seeds DataSeed, DataSeed + 1, …); 1 for one fleet or a file.</summary>
    public int Fleets { get; init; } = 1;

    public required int StrideSteps { get; init; }

    public required int TrainWindows { get; init; }

    public required int ValidationWindows { get; init; }

    /// <summary>First step of the validation period; training targets all lie before it.</summary>
    public required int ValidationStartStep { get; init; }

    public required int Epochs { get; init; }

    public required int BestEpoch { get; init; }

    public required IReadOnlyList<double> TrainLosses { get; init; }

    public required IReadOnlyList<double> ValidationLosses { get; init; }

    public required double BestValidationLoss { get; init; }

    /// <summary>"max-epochs", "early-stopping", "time-budget", or "checkpoint" while training still runs.</summary>
    public required string StopReason { get; init; }

    public required double TrainingSeconds { get; init; }

    public required double TrainWindowsPerSecond { get; init; }

    /// <summary>Training batches skipped after a native TorchSharp error (see TftTrainer).</summary>
    public int SkippedBatches { get; init; }

    /// <summary>First line of the last skipped batch's error, when any.</summary>
    public string? LastSkippedBatchError { get; init; }

    /// <summary>When training continued from an earlier model: that model's training report.</summary>
    public TftTrainingReport? ContinuedFrom { get; init; }

    /// <summary>Loss weight of training windows whose season-ago horizon reached a warning threshold (1 = none).</summary>
    public float EventWeight { get; init; } = 1f;

    public required int Threads { get; init; }

    public required int ProcessorCount { get; init; }

    public required string OperatingSystem { get; init; }

    public required string Runtime { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }
}
