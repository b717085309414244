using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>For a metric in a sustained critical state, moves every quantile by a share α of the distance from the
/// median to the newest look-back value ("it stays where it is"), with α per metric and horizon block chosen on the
/// validation windows in that state as the share (0, 0.1, …, 1) with the lowest pinball loss. The network forecasts
/// such states back toward normal, and a constant shift cannot follow a gap that differs per window.</summary>
internal static class SustainedPersistence
{
    private const int Metrics = MetricCatalog.Count;
    private const int Grid = 10;

    /// <summary>Moves <paramref name="quantiles"/> (level order, median in the middle) toward <paramref name="last"/>.</summary>
    public static void Move(Span<float> quantiles, float last, float share)
    {
        var move = share * (last - quantiles[quantiles.Length / 2]);
        for (var k = 0; k < quantiles.Length; k++)
        {
            quantiles[k] += move;
        }
    }

    /// <returns>α per [metric, bucket]; 0 for a metric with fewer than <see cref="QuantileCalibration.MinCriticalCases"/> windows.</returns>
    public static double[] Fit(float[] predictions, float[] targets, float[] weights, float[] last, ForecastRegime[] regimes, double[] levels, int horizon, int bucketSteps, int[] sustainedCases)
    {
        var q = levels.Length;
        var windows = targets.Length / (horizon * Metrics);
        var buckets = QuantileCalibration.BucketCount(horizon, bucketSteps);
        var shares = new double[Metrics * buckets];
        var loss = new double[Grid + 1];
        Span<float> moved = stackalloc float[q];
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

                        for (var g = 0; g <= Grid; g++)
                        {
                            predictions.AsSpan(i * q, q).CopyTo(moved);
                            Move(moved, last[at], g / (float)Grid);
                            for (var k = 0; k < q; k++)
                            {
                                var error = targets[i] - moved[k];
                                loss[g] += Math.Max(levels[k] * error, (levels[k] - 1) * error);
                            }
                        }
                    }
                }

                shares[(m * buckets) + bucket] = Array.IndexOf(loss, loss.Min()) / (double)Grid;
            }
        }

        return shares;
    }

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
                    Move(blended.AsSpan(i * q, q), last[at], (float)shares[(m * buckets) + (t / bucketSteps)]);
                }
            }
        }

        return blended;
    }
}
