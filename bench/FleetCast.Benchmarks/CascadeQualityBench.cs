using System.Globalization;
using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Core.Windows;
using FleetCast.Simulator;
using FleetCast.Simulator.Scenarios;

namespace FleetCast.Benchmarks;

/// <summary>Cascade detection quality on the simulator, in-process, with the engine's scorer and detector:
/// detection delay after the cascade scenario starts (at several hours of the day) and false cascades per
/// simulated healthy day.
/// Run: dotnet run -c Release --project bench/FleetCast.Benchmarks -- --cascade-quality [servers] [seeds] [healthyDays]</summary>
public static class CascadeQualityBench
{
    public const string Flag = "--cascade-quality";

    /// <summary>Steps of healthy data before the measured part (the baseline fills).</summary>
    private const int WarmUpSteps = 48;

    /// <summary>Steps the cascade scenario runs before the measurement gives up on it.</summary>
    private const int CascadeSteps = 36;

    private static readonly int[] CascadeStartHours = [3, 9, 14];

    public static void Run(int servers, int seeds, int healthyDays)
    {
        var delays = new List<int>();
        var rootIsDatabase = 0;
        var rootIsFailing = 0;
        var missed = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            foreach (var hour in CascadeStartHours)
            {
                var result = RunCascade(servers, seed, hour);
                if (result is { } r)
                {
                    delays.Add(r.DelaySteps);
                    rootIsDatabase += r.Cascade.RootCandidates[0].Profile == ServerProfile.Database ? 1 : 0;
                    rootIsFailing += r.RootFailing ? 1 : 0;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"cascade seed={seed} start={hour:D2}:00: detected after {r.DelaySteps} steps, root {r.Cascade.RootCandidates[0].Server} ({ProfileNames.ToWire(r.Cascade.RootCandidates[0].Profile)}), {r.Cascade.Affected.Count} affected ({r.Outsiders} outside the scenario's servers) of {r.ScenarioServers}"));
                }
                else
                {
                    missed++;
                    Console.WriteLine($"cascade seed={seed} start={hour:D2}:00: not detected within {CascadeSteps} steps");
                }
            }
        }

        var falseCascades = 0;
        for (var seed = 1; seed <= seeds; seed++)
        {
            var found = RunHealthy(servers, seed, healthyDays);
            falseCascades += found.Count;
            foreach (var cascade in found)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"healthy seed={seed}: false cascade at {cascade.StartedAt:yyyy-MM-dd HH:mm}, {cascade.Affected.Count} servers: {string.Join(", ", cascade.Affected.Select(m => $"{m.Server}/{MetricCatalog.WireName(m.PeakMetric)}={m.PeakScore}"))}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scorer + detector at 1,000 servers: {MeanStepMilliseconds(1000, 60):F2} ms per step (mean of 60 steps after a 48-step warm-up, one thread)"));
        delays.Sort();
        var runs = seeds * CascadeStartHours.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"servers={servers} seeds={seeds}: cascades detected {delays.Count}/{runs}, database root first {rootIsDatabase}/{delays.Count} (a failing database among the root candidates {rootIsFailing}/{delays.Count}), delay steps median {(delays.Count == 0 ? double.NaN : delays[delays.Count / 2])} max {(delays.Count == 0 ? double.NaN : delays[^1])}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"healthy: {falseCascades} false cascades in {seeds * healthyDays} simulated days ({(double)falseCascades / (seeds * healthyDays):F2} per day)"));
    }

    private static (int DelaySteps, CascadeEvent Cascade, int Outsiders, int ScenarioServers, bool RootFailing)? RunCascade(int servers, int seed, int hour)
    {
        var start = new DateTimeOffset(2026, 1, 5, hour, 0, 0, TimeSpan.Zero).AddSeconds(-WarmUpSteps * 300.0);
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed, Start = start });
        var run = new DetectionRun(simulator);
        for (var step = 0; step < WarmUpSteps; step++)
        {
            run.Step();
        }

        var status = simulator.Set(ScenarioNames.Cascade);
        var affected = status.AffectedServers.ToHashSet(StringComparer.Ordinal);
        for (var step = 0; step < CascadeSteps; step++)
        {
            if (run.Step().FirstOrDefault(c => c.IsActive && c.DetectedAt >= status.ChangedAt) is { } cascade)
            {
                return (step, cascade, cascade.Affected.Count(m => !affected.Contains(m.Server)), affected.Count, cascade.RootCandidates.Any(c => affected.Contains(c.Server) && c.Profile == ServerProfile.Database));
            }
        }

        return null;
    }

    private static List<CascadeEvent> RunHealthy(int servers, int seed, int days)
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = 1000 + seed });
        var run = new DetectionRun(simulator);
        var opened = new Dictionary<long, CascadeEvent>();
        var steps = WarmUpSteps + (days * 288);
        for (var step = 0; step < steps; step++)
        {
            foreach (var cascade in run.Step())
            {
                opened.TryAdd(cascade.Id, cascade);
            }
        }

        return [.. opened.Values];
    }

    private static double MeanStepMilliseconds(int servers, int steps)
    {
        var run = new DetectionRun(new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = 1 }));
        for (var step = 0; step < WarmUpSteps; step++)
        {
            run.Step();
        }

        run.Elapsed = TimeSpan.Zero;
        for (var step = 0; step < steps; step++)
        {
            run.Step();
        }

        return run.Elapsed.TotalMilliseconds / steps;
    }

    /// <summary>Simulator → scorer → detector, one engine step per simulator step.</summary>
    private sealed class DetectionRun(FleetSimulator simulator)
    {
        private readonly FleetAnomalyScorer _scorer = new();
        private readonly CascadeDetector _detector = new();

        /// <summary>Time spent scoring and detecting (not simulating or building windows).</summary>
        public TimeSpan Elapsed { get; set; }

        public IReadOnlyList<CascadeEvent> Step()
        {
            var samples = simulator.Step();
            var windows = samples.Select(s => ToWindow(s, s.Profile ?? ServerProfile.Generic, simulator.Options.StepSeconds)).ToArray();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var anomalies = new List<ServerAnomaly>(samples.Count);
            var time = simulator.Now;
            foreach (var window in windows)
            {
                anomalies.Add(new ServerAnomaly(window.Server, window.Profile, _scorer.Observe(window)));
            }

            var events = _detector.Step(time, anomalies);
            Elapsed += System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return events;
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
}
