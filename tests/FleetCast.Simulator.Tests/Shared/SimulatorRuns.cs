using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;

namespace FleetCast.Simulator.Tests.Shared;

/// <summary>Helpers for driving a simulator in tests.</summary>
internal static class SimulatorRuns
{
    public static List<IReadOnlyList<MetricSample>> Run(FleetSimulator simulator, int steps)
    {
        var result = new List<IReadOnlyList<MetricSample>>(steps);
        for (var i = 0; i < steps; i++)
        {
            result.Add(simulator.Step());
        }

        return result;
    }

    public static Dictionary<string, MetricSample> ByServer(IReadOnlyList<MetricSample> samples) =>
        samples.ToDictionary(s => s.Server, StringComparer.Ordinal);

    public static double Get(this MetricSample sample, Metric metric) => sample.Values[(int)metric];
}
