namespace FleetCast.Forecasting.Evaluation;

/// <summary>One number over several seeds: mean, minimum, maximum and sample standard deviation
/// (n − 1; 0 for a single seed) of the <paramref name="Seeds"/> seeds that had a value.</summary>
public sealed record SeedSpread(double Mean, double Min, double Max, double Std, int Seeds)
{
    public static SeedSpread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("values must hold at least one value.", nameof(values));
        }

        var mean = list.Average();
        var std = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return new SeedSpread(mean, list.Min(), list.Max(), std, list.Count);
    }

    /// <summary>Over the values that are present; null when none is.</summary>
    public static SeedSpread? OfPresent(IEnumerable<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : Of(present);
    }
}
