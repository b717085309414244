namespace FleetCast.DashboardBench;

/// <summary>Nearest-rank percentiles of a sample.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sorted;

    public Percentiles(IEnumerable<double> values) => _sorted = values.Order().ToArray();

    public int Count => _sorted.Length;

    public double P50 => At(0.50);

    public double P95 => At(0.95);

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];

    public double At(double fraction) =>
        _sorted.Length == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(fraction * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
