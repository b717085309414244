using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Tft;

/// <summary>Per-server, per-metric normalisation with the mean and standard deviation of the
/// history the model reads (season and look-back) and a floor on the deviation, so a flat series does not blow up. Private to the
/// TFT (its saved contract depends on it).</summary>
internal static class WindowScaler
{
    /// <summary>Normalised observed inputs are clipped to ±this, so one wild sample cannot saturate the network.</summary>
    public const float InputClip = 20f;

    private static readonly float[] StdFloors = MetricCatalog.All
        .Select(d => d.Max is { } max ? (float)(0.005 * (max - d.Min)) : 0.05f)
        .ToArray();

    public static float StdFloor(int metric) => StdFloors[metric];

    /// <summary>Mean and floored std of every metric over <paramref name="steps"/> rows of
    /// <paramref name="rows"/> ([step, metric], NaN-free).</summary>
    public static void Measure(ReadOnlySpan<float> rows, int steps, Span<float> mean, Span<float> std)
    {
        var count = MetricCatalog.Count;
        for (var m = 0; m < count; m++)
        {
            double sum = 0;
            for (var t = 0; t < steps; t++)
            {
                sum += rows[(t * count) + m];
            }

            var mu = sum / steps;
            double squares = 0;
            for (var t = 0; t < steps; t++)
            {
                var d = rows[(t * count) + m] - mu;
                squares += d * d;
            }

            mean[m] = (float)mu;
            std[m] = Math.Max((float)Math.Sqrt(squares / steps), StdFloors[m]);
        }
    }

    /// <summary>The static "window_scale" input: per metric, signed log1p of the mean and log1p of the std.</summary>
    public static void WriteScaleFeatures(ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<float> destination)
    {
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            destination[2 * m] = MathF.Sign(mean[m]) * MathF.Log(1 + MathF.Abs(mean[m]));
            destination[(2 * m) + 1] = MathF.Log(1 + std[m]);
        }
    }
}
