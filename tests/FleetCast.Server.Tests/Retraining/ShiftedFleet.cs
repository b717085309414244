using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;
using FleetCast.Simulator;

namespace FleetCast.Server.Tests.Retraining;

/// <summary>Simulated fleets for retraining tests: the plain simulator, and the same simulator after a load
/// shift (more CPU, memory, load and traffic), as stored samples.</summary>
internal static class ShiftedFleet
{
    public static FleetDataset Simulate(int servers, double days, int seed) =>
        new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed, StepSeconds = 300 }).Generate((int)(days * 288));

    /// <summary>A calm fleet: each metric a smooth daily wave with little noise, in the simulator's profiles and step.</summary>
    public static FleetDataset Calm(int servers, double days, int seed)
    {
        var plain = Simulate(servers, days, seed);
        var random = new Random(seed);
        var calm = plain.Servers.Select(s =>
        {
            var values = new float[s.Values.Length];
            var phase = random.NextDouble() * 2 * Math.PI;
            for (var t = 0; t < s.Length; t++)
            {
                var wave = Math.Sin((2 * Math.PI * t / 288) + phase);
                for (var m = 0; m < MetricCatalog.Count; m++)
                {
                    values[(t * MetricCatalog.Count) + m] = (float)(20 + (5 * m) + (10 * wave) + (0.3 * random.NextDouble()));
                }
            }

            return s with { Values = values };
        });
        return plain with { Servers = [.. calm] };
    }

    /// <summary>The simulator's fleet after a shift in its load, with a new batch job every 8 steps (40 min): what a
    /// model trained on <see cref="Simulate"/> has not seen.</summary>
    public static FleetDataset Shifted(int servers, double days, int seed)
    {
        var plain = Simulate(servers, days, seed);
        var shifted = plain.Servers.Select(s =>
        {
            var values = (float[])s.Values.Clone();
            for (var t = 0; t < s.Length; t++)
            {
                var row = values.AsSpan(t * MetricCatalog.Count, MetricCatalog.Count);
                var batch = t % 8 < 2 ? 1f : 0f;
                row[(int)Metric.CpuUserPct] = Math.Min(100, (row[(int)Metric.CpuUserPct] * 1.5f) + 15 + (35 * batch));
                row[(int)Metric.CpuIowaitPct] += 20 * batch;
                row[(int)Metric.MemUsedPct] = Math.Min(100, row[(int)Metric.MemUsedPct] + 30);
                row[(int)Metric.LoadAverage] = (row[(int)Metric.LoadAverage] * 3) + (6 * batch);
                row[(int)Metric.NetInMbS] *= 4;
                row[(int)Metric.NetOutMbS] *= 4;
            }

            return s with { Values = values };
        });
        return plain with { Servers = [.. shifted] };
    }

    /// <summary>One sample per server and step, as an agent would have sent them.</summary>
    public static IReadOnlyList<MetricSample> ToSamples(FleetDataset dataset) =>
    [
        .. from step in Enumerable.Range(0, dataset.Steps)
           from server in dataset.Servers
           select new MetricSample(server.Server, dataset.TimeOf(step), server.Profile,
               [.. server.Values.AsSpan(step * MetricCatalog.Count, MetricCatalog.Count).ToArray().Select(v => (double)v)]),
    ];
}
