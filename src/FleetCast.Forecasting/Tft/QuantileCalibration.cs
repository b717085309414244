namespace FleetCast.Forecasting.Tft;

/// <summary>Post-hoc quantile calibration (as in conformalised quantile regression): per quantile,
/// metric and block of horizon steps, the shift in normalised units that makes the share of held-out
/// targets under the shifted quantile equal to its level. Added to the network's output before the
/// quantiles are ordered and denormalised.</summary>
/// <param name="BucketSteps">Horizon steps that share one shift.</param>
/// <param name="Offsets">Row-major [quantile, metric, bucket].</param>
/// <param name="Windows">Held-out windows the shifts were measured on.</param>
/// <param name="CoverageBefore">Share of those targets inside p10–p90 without the shifts.</param>
/// <param name="CoverageAfter">The same with the shifts.</param>
/// <param name="PinballBefore">Mean pinball loss (normalised) on those targets without the shifts.</param>
/// <param name="PinballAfter">The same with the shifts.</param>
public sealed record QuantileCalibration(
    int BucketSteps,
    IReadOnlyList<double> Offsets,
    int Windows,
    double CoverageBefore,
    double CoverageAfter,
    double PinballBefore,
    double PinballAfter)
{
    /// <summary>Held-out windows a metric needs in the critical regime for shifts of its own; with fewer it keeps
    /// the normal shifts.</summary>
    public const int MinCriticalCases = 30;

    /// <summary>Horizon steps that share one shift unless calibrate is told otherwise (1 hour at 5-minute steps).</summary>
    public const int DefaultBucketSteps = 12;

    /// <summary>Shifts (shaped like <see cref="Offsets"/>) for a metric whose window ends in the critical regime
    /// (<see cref="CriticalRegime"/>); null in models calibrated before they existed (normal shifts apply).</summary>
    public IReadOnlyList<double>? CriticalOffsets { get; init; }

    /// <summary>Held-out windows per metric that ended in the critical regime.</summary>
    public IReadOnlyList<int>? CriticalCases { get; init; }

    /// <summary>Shifts (shaped like <see cref="Offsets"/>) for a metric whose window ends in a sustained critical
    /// state (<see cref="ForecastRegime.SustainedCritical"/>); null in models calibrated before they existed (the
    /// critical-regime shifts apply).</summary>
    public IReadOnlyList<double>? SustainedOffsets { get; init; }

    /// <summary>Held-out windows per metric that ended in a sustained critical state (also counted in
    /// <see cref="CriticalCases"/>).</summary>
    public IReadOnlyList<int>? SustainedCases { get; init; }

    /// <summary>Row-major [quantile, metric, bucket] like <see cref="Offsets"/> (or [metric, bucket], one share for every
    /// quantile, in models calibrated before shares were per quantile): the share of the distance from the median to the
    /// newest look-back value by which each quantile of a sustained critical state moves before
    /// <see cref="SustainedOffsets"/> apply (0 = none, 1 = the full distance); null in models calibrated before it existed.</summary>
    public IReadOnlyList<double>? SustainedPersistence { get; init; }

    public static int BucketCount(int horizonSteps, int bucketSteps) => (horizonSteps + bucketSteps - 1) / bucketSteps;

    /// <summary>The shift of quantile <paramref name="quantile"/> of <paramref name="metric"/> at 0-based horizon step <paramref name="step"/>.</summary>
    public float Offset(int quantile, int metric, int step, int metricCount, int buckets, ForecastRegime regime = ForecastRegime.Normal) =>
        (float)ShiftsFor(regime)[(((quantile * metricCount) + metric) * buckets) + (step / BucketSteps)];

    /// <summary>The shifts of a regime, falling back to those of the next milder regime the model has.</summary>
    private IReadOnlyList<double> ShiftsFor(ForecastRegime regime) => regime switch
    {
        ForecastRegime.SustainedCritical when SustainedOffsets is { } sustained => sustained,
        ForecastRegime.SustainedCritical or ForecastRegime.Critical when CriticalOffsets is { } critical => critical,
        _ => Offsets,
    };

    /// <summary>Throws a <see cref="ModelLoadException"/> when the shape does not fit the model.</summary>
    public void Validate(string path, int quantiles, int metrics, int horizonSteps)
    {
        if (BucketSteps < 1)
        {
            throw new ModelLoadException($"{path}: calibration.bucketSteps must be at least 1; got {BucketSteps}.");
        }

        var expected = quantiles * metrics * BucketCount(horizonSteps, BucketSteps);
        if (Offsets is null || Offsets.Count != expected || Offsets.Any(o => !double.IsFinite(o)))
        {
            throw new ModelLoadException($"{path}: calibration.offsets must hold {expected} finite numbers (quantiles × metrics × horizon buckets); got {Offsets?.Count ?? 0}.");
        }

        if (CriticalOffsets is not null && (CriticalOffsets.Count != expected || CriticalOffsets.Any(o => !double.IsFinite(o))))
        {
            throw new ModelLoadException($"{path}: calibration.criticalOffsets must hold {expected} finite numbers like calibration.offsets; got {CriticalOffsets.Count}.");
        }

        if (CriticalCases is not null && (CriticalCases.Count != metrics || CriticalCases.Any(c => c < 0)))
        {
            throw new ModelLoadException($"{path}: calibration.criticalCases must hold {metrics} counts (one per metric), none negative; got {CriticalCases.Count}.");
        }

        if (SustainedOffsets is not null && (SustainedOffsets.Count != expected || SustainedOffsets.Any(o => !double.IsFinite(o))))
        {
            throw new ModelLoadException($"{path}: calibration.sustainedOffsets must hold {expected} finite numbers like calibration.offsets; got {SustainedOffsets.Count}.");
        }

        var perBucket = metrics * BucketCount(horizonSteps, BucketSteps);
        if (SustainedPersistence is not null && ((SustainedPersistence.Count != perBucket && SustainedPersistence.Count != quantiles * perBucket) || SustainedPersistence.Any(a => !(a >= 0 && a <= 1))))
        {
            throw new ModelLoadException($"{path}: calibration.sustainedPersistence must hold {quantiles * perBucket} shares between 0 and 1 (quantiles × metrics × horizon buckets, or {perBucket} shared by the quantiles); got {SustainedPersistence.Count}.");
        }

        if (SustainedCases is not null && (SustainedCases.Count != metrics || SustainedCases.Any(c => c < 0)))
        {
            throw new ModelLoadException($"{path}: calibration.sustainedCases must hold {metrics} counts (one per metric), none negative; got {SustainedCases.Count}.");
        }
    }
}
