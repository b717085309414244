using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Core.Windows;

namespace FleetCast.Simulator.Tests.Shared;

/// <summary>Simulator → anomaly scorer → cascade detector, one engine step per simulator step (each sample
/// as the newest row of its server's window, as the engine passes it).</summary>
internal sealed class CascadeRun(FleetSimulator simulator)
{
    private readonly FleetAnomalyScorer _scorer = new();
    private readonly CascadeDetector _detector = new();

    public IReadOnlyList<CascadeEvent> Step()
    {
        var samples = simulator.Step();
        var anomalies = new List<ServerAnomaly>(samples.Count);
        foreach (var sample in samples)
        {
            var profile = sample.Profile ?? ServerProfile.Generic;
            anomalies.Add(new ServerAnomaly(sample.Server, profile, _scorer.Observe(ToWindow(sample, profile, simulator.Options.StepSeconds))));
        }

        return _detector.Step(simulator.Now, anomalies);
    }

    private static ServerWindow ToWindow(MetricSample sample, ServerProfile profile, int stepSeconds)
    {
        var values = new float[MetricCatalog.Count];
        var observed = new bool[MetricCatalog.Count];
        for (var m = 0; m < values.Length; m++)
        {
            observed[m] = !double.IsNaN(sample.Values[m]);
            values[m] = observed[m] ? (float)sample.Values[m] : 0f;
        }

        return new ServerWindow(sample.Server, profile, sample.Timestamp, stepSeconds, values, observed);
    }
}
