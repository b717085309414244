using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Builders for metric samples in tests.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static MetricSample Of(string server, DateTimeOffset time, params (Metric Metric, double Value)[] values) =>
        Of(server, time, null, values);

    public static MetricSample Of(string server, DateTimeOffset time, ServerProfile? profile, params (Metric Metric, double Value)[] values)
    {
        var array = MetricSample.EmptyValues();
        foreach (var (metric, value) in values)
        {
            array[(int)metric] = value;
        }

        return new MetricSample(server, time, profile, array);
    }

    /// <summary>A sample with every metric set, each to a distinct value derived from <paramref name="seed"/>.</summary>
    public static MetricSample Full(string server, DateTimeOffset time, double seed)
    {
        var values = new double[MetricCatalog.Count];
        for (var m = 0; m < values.Length; m++)
        {
            values[m] = MetricCatalog.All[m].IsInteger ? Math.Round(seed) + m : seed + m;
        }

        return new MetricSample(server, time, null, values);
    }
}
