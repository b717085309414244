namespace FleetCast.Forecasting.Tft;

/// <summary>The content of <c>model.json</c>: everything needed to use the weights beside it.</summary>
public sealed record TftModelManifest
{
    public required int ContractVersion { get; init; }

    public required TftConfig Config { get; init; }

    /// <summary>Metric wire names in catalog order (observed inputs and targets).</summary>
    public required IReadOnlyList<string> Metrics { get; init; }

    public required IReadOnlyList<string> TimeFeatures { get; init; }

    public required IReadOnlyList<string> StaticFeatures { get; init; }

    public required IReadOnlyList<double> Quantiles { get; init; }

    public required int StepSeconds { get; init; }

    public required int LookbackSteps { get; init; }

    public required int HorizonSteps { get; init; }

    /// <summary>How inputs and targets are scaled, in words, so the file explains itself.</summary>
    public required string Normalisation { get; init; }

    public required long ParameterCount { get; init; }

    public required string WeightsFile { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Null for a model that was never trained.</summary>
    public TftTrainingReport? Training { get; init; }

    /// <summary>Shifts applied to the network's quantiles before they are ordered and denormalised; null
    /// for a model without calibration (an untrained model or a training checkpoint).</summary>
    public QuantileCalibration? Calibration { get; init; }

    /// <summary>Per-metric statistics of the training inputs, for drift checks; empty when untrained.</summary>
    public IReadOnlyList<MetricInputStatistics> InputStatistics { get; init; } = [];
}
