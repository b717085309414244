using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Samples;

/// <summary>One server's metrics at one UTC instant. <see cref="Values"/> has one entry per
/// catalog metric, in catalog order; NaN means the metric was absent (missing, never 0).</summary>
public sealed record MetricSample(string Server, DateTimeOffset Timestamp, ServerProfile? Profile, double[] Values)
{
    public double this[Metric metric] => Values[(int)metric];

    public static double[] EmptyValues()
    {
        var values = new double[MetricCatalog.Count];
        Array.Fill(values, double.NaN);
        return values;
    }
}
