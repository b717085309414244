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
    public static int BucketCount(int horizonSteps, int bucketSteps) => (horizonSteps + bucketSteps - 1) / bucketSteps;

    /// <summary>The shift of quantile <paramref name="quantile"/> of <paramref name="metric"/> at 0-based horizon step <paramref name="step"/>.</summary>
    public float Offset(int quantile, int metric, int step, int metricCount, int buckets) =>
        (float)Offsets[(((quantile * metricCount) + metric) * buckets) + (step / BucketSteps)];

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
    }
}
