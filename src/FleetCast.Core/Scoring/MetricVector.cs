using FleetCast.Core.Metrics;

namespace FleetCast.Core.Scoring;

/// <summary>Checks on the per-metric vectors (one value per catalog metric) that the pure functions take.</summary>
internal static class MetricVector
{
    public static void EnsureComplete(ReadOnlySpan<double> values, string parameterName)
    {
        if (values.Length != MetricCatalog.Count)
        {
            throw new ArgumentException(
                $"{parameterName} must hold {MetricCatalog.Count} values, one per catalog metric in catalog order; got {values.Length}.",
                parameterName);
        }
    }
}
