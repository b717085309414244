using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>For a metric in a sustained critical state, moves each quantile by a share α of the distance from the
/// median to the newest look-back value ("it stays where it is"), with α per quantile, metric and horizon block
/// chosen on the validation windows in that state as the share (0, 0.1, …, 1) with the lowest pinball loss of that
/// quantile. The network forecasts such states back toward normal, and a constant shift cannot follow a gap that
/// differs per window. α is per quantile because the outcomes are two-sided: most such states last (the median and
/// the pessimistic quantile should stay), some end at once (the optimistic quantile should not), and one share
/// for all quantiles was a compromise that left the median short.</summary>
internal static class SustainedPersistence
{
    private const int Metrics = MetricCatalog.Count;
    private const int Grid = 10;

    /// <summary>Moves quantile k of <paramref name="quantiles"/> by <paramref name="shares"/>[k] of the distance from
    /// the median to <paramref name="last"/>; the caller restores their order.</summary>
    public static void Move(Span<float> quantiles, float last, ReadOnlySpan<float> shares)
    {
        var gap = last - quantiles[quantiles.Length / 2];
        for (var k = 0; k < quantiles.Length; k++)
        {
            quantiles[k] += shares[k] * gap;
        }
    }

    /// <summary><see cref="Move(Span{float}, float, ReadOnlySpan{float})"/> with each quantile's share of
    /// <paramref name="metric"/> and <paramref name="bucket"/> read from the stored <paramref name="shares"/>.
    /// Allocation-free: it runs for every forecast step of a server in a sustained critical state.</summary>
    public static void Move(Span<float> quantiles, float last, IReadOnlyList<double> shares, int metric, int bucket, int buckets)
    {
        Span<float> perQuantile = stackalloc float[quantiles.Length];
        for (var k = 0; k < quantiles.Length; k++)
        {
            perQuantile[k] = Share(shares, k, metric, bucket, buckets);
        }

        Move(quantiles, last, perQuantile);
    }

    /// <summary>Index of α of quantile <paramref name="quantile"/>, <paramref name="metric"/> and
    /// <paramref name="bucket"/> in the row-major [quantile, metric, bucket] shares (the layout of the offsets).</summary>
    public static int Index(int quantile, int metric, int bucket, int buckets) => (((quantile * Metrics) + metric) * buckets) + bucket;

    /// <returns>α per [quantile, metric, bucket]; 0 for a metric with fewer than <see cref="QuantileCalibration.MinCriticalCases"/> windows.</returns>
    public static double[] Fit(float[] predictions, float[] targets, float[] weights, float[] last, ForecastRegime[] regimes, double[] levels, int horizon, int bucketSteps, int[] sustainedCases)
    {
        var q = levels.Length;
        var windows = targets.Length / (horizon * Metrics);
        var buckets = QuantileCalibration.BucketCount(horizon, bucketSteps);
        var shares = new double[q * Metrics * buckets];
        var loss = new double[q, Grid + 1];
        for (var m = 0; m < Metrics; m++)
        {
            if (sustainedCases[m] < QuantileCalibration.MinCriticalCases)
            {
                continue;
            }

            for (var bucket = 0; bucket < buckets; bucket++)
            {
                Array.Clear(loss);
                for (var n = 0; n < windows; n++)
                {
                    var at = (n * Metrics) + m;
                    if (regimes[at] != ForecastRegime.SustainedCritical || !float.IsFinite(last[at]))
                    {
                        continue;
                    }

                    for (var t = bucket * bucketSteps; t < Math.Min(horizon, (bucket + 1) * bucketSteps); t++)
                    {
                        var i = (n * horizon * Metrics) + (t * Metrics) + m;
                        if (weights[i] <= 0)
                        {
                            continue;
                        }

                        var gap = last[at] - predictions[(i * q) + (q / 2)];
                        for (var k = 0; k < q; k++)
                        {
                            for (var g = 0; g <= Grid; g++)
                            {
                                var error = targets[i] - (predictions[(i * q) + k] + (g / (float)Grid * gap));
                                loss[k, g] += Math.Max(levels[k] * error, (levels[k] - 1) * error);
                            }
                        }
                    }
                }

                for (var k = 0; k < q; k++)
                {
                    var best = 0;
                    for (var g = 1; g <= Grid; g++)
                    {
                        best = loss[k, g] < loss[k, best] ? g : best;
                    }

                    shares[Index(k, m, bucket, buckets)] = best / (double)Grid;
                }
            }
        }

        return shares;
    }

    /// <summary>α of quantile <paramref name="quantile"/>: stored per quantile, or one per [metric, bucket] shared by
    /// every quantile (models calibrated before shares were per quantile).</summary>
    public static float Share(IReadOnlyList<double> shares, int quantile, int metric, int bucket, int buckets) =>
        (float)(shares.Count == Metrics * buckets ? shares[(metric * buckets) + bucket] : shares[Index(quantile, metric, bucket, buckets)]);

    /// <summary>A copy of <paramref name="predictions"/> with the sustained windows moved by their shares.</summary>
    public static float[] Blend(float[] predictions, float[] last, ForecastRegime[] regimes, double[] shares, int horizon, int bucketSteps, int q)
    {
        var blended = (float[])predictions.Clone();
        var buckets = QuantileCalibration.BucketCount(horizon, bucketSteps);
        var windows = regimes.Length / Metrics;
        for (var n = 0; n < windows; n++)
        {
            for (var m = 0; m < Metrics; m++)
            {
                var at = (n * Metrics) + m;
                if (regimes[at] != ForecastRegime.SustainedCritical || !float.IsFinite(last[at]))
                {
                    continue;
                }

                for (var t = 0; t < horizon; t++)
                {
                    var i = (n * horizon * Metrics) + (t * Metrics) + m;
                    var bucket = t / bucketSteps;
                    Move(blended.AsSpan(i * q, q), last[at], shares, m, bucket, buckets);
                }
            }
        }

        return blended;
    }
}
