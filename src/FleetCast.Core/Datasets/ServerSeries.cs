using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Datasets;

/// <summary>One server's complete series on the model step. <see cref="Values"/> is row-major
/// [step, metric] with 14 columns, NaN where the server did not report (offline).</summary>
public sealed record ServerSeries(string Server, ServerProfile Profile, float[] Values)
{
    public int Length => Values.Length / MetricCatalog.Count;

    public float this[int step, Metric metric] => Values[(step * MetricCatalog.Count) + (int)metric];
}
