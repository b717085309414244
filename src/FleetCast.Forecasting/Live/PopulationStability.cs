namespace FleetCast.Forecasting.Live;

/// <summary>Population stability index (PSI) between a reference distribution and a recent one over the
/// same bins: Σ (actual − expected) · ln(actual / expected). Below 0.1 is usually read as stable, 0.1–0.25
/// as a moderate shift, 0.25 and above as a significant shift.</summary>
public static class PopulationStability
{
    /// <summary>Bin fractions are floored at this value before the logarithm, so an empty bin on either side
    /// gives a large but finite term instead of infinity.</summary>
    public const double FractionFloor = 1e-4;

    public const double ModerateShift = 0.1;

    public const double SignificantShift = 0.25;

    public static double Index(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (expected.Count != actual.Count || expected.Count == 0)
        {
            throw new ArgumentException($"expected and actual must have the same, non-zero number of bins (got {expected.Count} and {actual.Count}).", nameof(actual));
        }

        double psi = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            var e = Math.Max(expected[i], FractionFloor);
            var a = Math.Max(actual[i], FractionFloor);
            psi += (a - e) * Math.Log(a / e);
        }

        return psi;
    }

    /// <summary>Which bin of <paramref name="edges"/> (N + 1 ascending edges, N bins) a value falls in, as the
    /// training statistics count it: below the first edge → first bin, above the last → last bin, a value on an
    /// inner edge → the upper bin.</summary>
    public static int Bin(IReadOnlyList<double> edges, double value)
    {
        var bins = edges.Count - 1;
        var bin = 0;
        while (bin < bins - 1 && value >= edges[bin + 1])
        {
            bin++;
        }

        return bin;
    }

    /// <summary>"stable", "moderate" or "significant" for a PSI value.</summary>
    public static string Classify(double psi) => psi >= SignificantShift ? "significant" : psi >= ModerateShift ? "moderate" : "stable";
}
