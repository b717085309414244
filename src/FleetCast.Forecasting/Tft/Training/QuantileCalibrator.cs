using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Measures a <see cref="QuantileCalibration"/> for a trained network on held-out windows: for
/// each quantile level q, metric and block of horizon steps, the empirical q-quantile of
/// (target − predicted quantile) in normalised units.</summary>
internal static class QuantileCalibrator
{
    public const int DefaultBucketSteps = QuantileCalibration.DefaultBucketSteps;

    private const int Metrics = MetricCatalog.Count;

    public static QuantileCalibration Fit(TftNetwork network, TrainingWindows windows, IReadOnlyList<(int Server, int Start)> heldOut, int batchSize, int bucketSteps, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketSteps, 1);
        if (heldOut.Count == 0)
        {
            throw new ArgumentException("Calibration needs at least one held-out window.", nameof(heldOut));
        }

        var config = network.Config;
        var levels = config.Quantiles;
        var q = levels.Length;
        var horizon = config.HorizonSteps;
        var perWindow = horizon * Metrics;
        var predictions = new float[heldOut.Count * perWindow * q];
        var targets = new float[heldOut.Count * perWindow];
        var weights = new float[heldOut.Count * perWindow];
        var last = new float[heldOut.Count * Metrics];
        Predict(network, windows, heldOut, batchSize, predictions, targets, weights, last, cancellationToken);

        var regimes = new ForecastRegime[heldOut.Count * Metrics];
        for (var n = 0; n < heldOut.Count; n++)
        {
            windows.Regimes(heldOut[n].Server, heldOut[n].Start, regimes.AsSpan(n * Metrics, Metrics));
        }

        var criticalCases = new int[Metrics];
        var sustainedCases = new int[Metrics];
        for (var i = 0; i < regimes.Length; i++)
        {
            criticalCases[i % Metrics] += regimes[i] != ForecastRegime.Normal ? 1 : 0;
            sustainedCases[i % Metrics] += regimes[i] == ForecastRegime.SustainedCritical ? 1 : 0;
        }

        var buckets = QuantileCalibration.BucketCount(horizon, bucketSteps);
        var persistence = SustainedPersistence.Fit(predictions, targets, weights, last, regimes, levels, horizon, bucketSteps, sustainedCases);
        var blended = SustainedPersistence.Blend(predictions, last, regimes, persistence, horizon, bucketSteps, q);
        var offsets = new double[q * Metrics * buckets];
        var criticalOffsets = new double[q * Metrics * buckets];
        var sustainedOffsets = new double[q * Metrics * buckets];
        var residuals = new List<float>();
        for (var k = 0; k < q; k++)
        {
            for (var m = 0; m < Metrics; m++)
            {
                var ownCritical = criticalCases[m] >= QuantileCalibration.MinCriticalCases;
                var ownSustained = sustainedCases[m] >= QuantileCalibration.MinCriticalCases;
                for (var bucket = 0; bucket < buckets; bucket++)
                {
                    var at = (((k * Metrics) + m) * buckets) + bucket;
                    double Of(Func<ForecastRegime, bool> inRegime) =>
                        Shift(residuals, predictions, targets, weights, regimes, inRegime, k, levels[k], m, bucket, bucketSteps, horizon, heldOut.Count);
                    offsets[at] = Of(r => r == ForecastRegime.Normal);
                    criticalOffsets[at] = ownCritical ? Of(r => r != ForecastRegime.Normal) : offsets[at];
                    sustainedOffsets[at] = ownSustained
                        ? Shift(residuals, blended, targets, weights, regimes, r => r == ForecastRegime.SustainedCritical, k, levels[k], m, bucket, bucketSteps, horizon, heldOut.Count)
                        : criticalOffsets[at];
                }
            }
        }

        var calibration = new QuantileCalibration(bucketSteps, offsets, heldOut.Count, 0, 0, 0, 0)
        {
            CriticalOffsets = criticalOffsets,
            CriticalCases = criticalCases,
            SustainedOffsets = sustainedOffsets,
            SustainedCases = sustainedCases,
            SustainedPersistence = persistence,
        };
        var (coverageBefore, pinballBefore) = Score(predictions, targets, weights, regimes, last, levels, horizon, null);
        var (coverageAfter, pinballAfter) = Score(predictions, targets, weights, regimes, last, levels, horizon, calibration);
        return calibration with { CoverageBefore = coverageBefore, CoverageAfter = coverageAfter, PinballBefore = pinballBefore, PinballAfter = pinballAfter };
    }

    /// <summary>The empirical quantile of (target − predicted quantile k) of metric m over one horizon bucket,
    /// among the windows whose regime for m satisfies <paramref name="inRegime"/>; 0 without any.</summary>
    private static double Shift(List<float> residuals, float[] predictions, float[] targets, float[] weights, ForecastRegime[] regimes, Func<ForecastRegime, bool> inRegime,
        int k, double level, int m, int bucket, int bucketSteps, int horizon, int windowCount)
    {
        var q = predictions.Length / targets.Length;
        var perWindow = horizon * Metrics;
        residuals.Clear();
        for (var n = 0; n < windowCount; n++)
        {
            if (!inRegime(regimes[(n * Metrics) + m]))
            {
                continue;
            }

            for (var t = bucket * bucketSteps; t < Math.Min(horizon, (bucket + 1) * bucketSteps); t++)
            {
                var i = (n * perWindow) + (t * Metrics) + m;
                if (weights[i] > 0)
                {
                    residuals.Add(targets[i] - predictions[(i * q) + k]);
                }
            }
        }

        return residuals.Count == 0 ? 0 : EmpiricalQuantile(residuals, level);
    }

    /// <summary>Shifts the Q quantiles of one (step, metric) and restores their order.</summary>
    /// <param name="quantiles">The quantiles in level order (the median in the middle), normalised.</param>
    /// <param name="regime">The regime the window ends in for this metric (<see cref="CriticalRegime"/>).</param>
    /// <param name="last">The newest reported look-back value of the metric, normalised (NaN when unknown): a sustained
    /// critical state moves the quantiles toward it first (<see cref="QuantileCalibration.SustainedPersistence"/>).</param>
    public static void Apply(QuantileCalibration calibration, Span<float> quantiles, int metric, int step, int horizonSteps, ForecastRegime regime = ForecastRegime.Normal, float last = float.NaN)
    {
        var buckets = QuantileCalibration.BucketCount(horizonSteps, calibration.BucketSteps);
        if (regime == ForecastRegime.SustainedCritical && calibration.SustainedPersistence is { } persistence && float.IsFinite(last))
        {
            var bucket = step / calibration.BucketSteps;
            SustainedPersistence.Move(quantiles, last, persistence, metric, bucket, buckets);
        }

        for (var k = 0; k < quantiles.Length; k++)
        {
            quantiles[k] += calibration.Offset(k, metric, step, Metrics, buckets, regime);
        }

        quantiles.Sort();
    }

    /// <param name="last">Filled with each window's newest look-back value per metric, normalised as the network's inputs.</param>
    private static void Predict(TftNetwork network, TrainingWindows windows, IReadOnlyList<(int Server, int Start)> heldOut, int batchSize, float[] predictions, float[] targets, float[] weights, float[] last, CancellationToken cancellationToken)
    {
        var config = network.Config;
        var perWindow = config.HorizonSteps * Metrics;
        var q = config.Quantiles.Length;
        network.eval();
        using var noGrad = torch.no_grad();
        for (var offset = 0; offset < heldOut.Count; offset += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var quiet = NoCollectionRegion.Enter();
            using var scope = torch.NewDisposeScope();
            var count = Math.Min(batchSize, heldOut.Count - offset);
            var batch = new TftBatch(count, config.LookbackSteps, config.HorizonSteps, config.SeasonSteps, withTargets: true);
            windows.Fill(batch, heldOut, offset);
            var outputs = network.forward(batch.ToInputs());
            var (target, mask) = batch.ToTargets();
            outputs.Quantiles.contiguous().data<float>().CopyTo(predictions, offset * perWindow * q);
            target.data<float>().CopyTo(targets, offset * perWindow);
            mask.data<float>().CopyTo(weights, offset * perWindow);
            for (var b = 0; b < count; b++)
            {
                var row = last.AsSpan((offset + b) * Metrics, Metrics);
                windows.NewestLookback(heldOut[offset + b].Server, heldOut[offset + b].Start, row);
                for (var m = 0; m < Metrics; m++)
                {
                    var std = batch.Std[(b * Metrics) + m];
                    row[m] = std > 0 ? (row[m] - batch.Mean[(b * Metrics) + m]) / std : float.NaN;
                }
            }
        }
    }

    /// <summary>Coverage of the p10–p90 band and mean pinball loss, optionally after calibration.</summary>
    private static (double Coverage, double Pinball) Score(float[] predictions, float[] targets, float[] weights, ForecastRegime[] regimes, float[] last, double[] levels, int horizon, QuantileCalibration? calibration)
    {
        var q = levels.Length;
        var low = Array.FindIndex(levels, l => Math.Abs(l - 0.1) < 1e-9);
        var high = Array.FindIndex(levels, l => Math.Abs(l - 0.9) < 1e-9);
        Span<float> values = stackalloc float[q];
        long valid = 0;
        long inside = 0;
        double loss = 0;
        for (var i = 0; i < targets.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            predictions.AsSpan(i * q, q).CopyTo(values);
            if (calibration is not null)
            {
                var at = ((i / (Metrics * horizon)) * Metrics) + (i % Metrics);
                Apply(calibration, values, i % Metrics, i / Metrics % horizon, horizon, regimes[at], last[at]);
            }

            valid++;
            var target = targets[i];
            inside += target >= values[low] && target <= values[high] ? 1 : 0;
            for (var k = 0; k < q; k++)
            {
                var error = target - values[k];
                loss += Math.Max(levels[k] * error, (levels[k] - 1) * error);
            }
        }

        return valid == 0 ? (0, 0) : ((double)inside / valid, loss / (valid * q));
    }

    /// <summary>Linear interpolation between order statistics (type 7).</summary>
    internal static double EmpiricalQuantile(List<float> values, double level)
    {
        values.Sort();
        var position = level * (values.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, values.Count - 1);
        return values[lower] + ((position - lower) * (values[upper] - values[lower]));
    }
}
