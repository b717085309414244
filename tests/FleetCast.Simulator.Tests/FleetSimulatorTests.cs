using System.Diagnostics;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Simulator.Behaviour;
using FleetCast.Simulator.Scenarios;
using FleetCast.Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace FleetCast.Simulator.Tests;

public sealed class FleetSimulatorTests(ITestOutputHelper output)
{
    [Fact]
    public void Step_SameSeedAndSameCalls_ProducesIdenticalSamples()
    {
        var first = new FleetSimulator(new SimulatorOptions { Servers = 40, Seed = 11 });
        var second = new FleetSimulator(new SimulatorOptions { Servers = 40, Seed = 11 });

        var a = RunWithScenarios(first);
        var b = RunWithScenarios(second);

        Assert.Equal(a.Count, b.Count);
        for (var step = 0; step < a.Count; step++)
        {
            Assert.Equal(a[step].Select(s => (s.Server, s.Timestamp, s.Profile)), b[step].Select(s => (s.Server, s.Timestamp, s.Profile)));
            Assert.Equal(a[step].SelectMany(s => s.Values), b[step].SelectMany(s => s.Values));
        }
    }

    [Fact]
    public void Step_DifferentSeed_ProducesDifferentSamples()
    {
        var first = SimulatorRuns.Run(new FleetSimulator(new SimulatorOptions { Servers = 20, Seed = 1 }), 5);
        var second = SimulatorRuns.Run(new FleetSimulator(new SimulatorOptions { Servers = 20, Seed = 2 }), 5);

        Assert.NotEqual(first[4][0].Values, second[4][0].Values);
    }

    [Fact]
    public void Step_Timestamps_AreStartPlusStepTimesStepSeconds()
    {
        var start = new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 10, StepSeconds = 60, Start = start });
        Assert.Equal(start.AddSeconds(-60), simulator.Now);

        var steps = SimulatorRuns.Run(simulator, 3);

        Assert.All(steps[0], s => Assert.Equal(start, s.Timestamp));
        Assert.All(steps[2], s => Assert.Equal(start.AddMinutes(2), s.Timestamp));
        Assert.Equal(start.AddMinutes(2), simulator.Now);
    }

    [Fact]
    public void Step_Samples_StateTheProfileTheNameResolvesTo()
    {
        var simulator = new FleetSimulator(new SimulatorOptions());

        var samples = simulator.Step();

        Assert.All(samples, s => Assert.Equal(ProfileRules.Default.Resolve(s.Server), s.Profile));
        Assert.Equal(90, simulator.ServerNames.Count);
    }

    [Fact]
    public void Step_AllStatesAndScenarios_KeepEveryValueValidAndCpuConsistent()
    {
        // A high incident rate exercises critical_issue, offline and recovery alongside every scenario.
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 60, Seed = 5, CriticalIssueProbability = 0.05 });
        var plan = new Dictionary<int, string> { [200] = "degrading", [300] = "critical", [400] = "cascade", [500] = "healthy" };
        var checkedSamples = 0;

        for (var step = 0; step < 900; step++)
        {
            if (plan.TryGetValue(step, out var scenario))
            {
                simulator.Set(scenario);
            }

            foreach (var sample in simulator.Step())
            {
                foreach (var metric in MetricCatalog.All)
                {
                    Assert.Null(metric.Validate(sample.Values[metric.Index]));
                }

                var busy = sample.Get(Metric.CpuUserPct) + sample.Get(Metric.CpuSysPct) + sample.Get(Metric.CpuIowaitPct);
                Assert.True(busy <= 100 + 1e-9, $"{sample.Server} cpu components sum to {busy}");
                Assert.Equal(100 - busy, sample.Get(Metric.CpuIdlePct), 9);
                Assert.True(sample.Get(Metric.JavaCpuPct) <= sample.Get(Metric.CpuUserPct) + sample.Get(Metric.CpuSysPct) + 1e-9);
                checkedSamples++;
            }
        }

        Assert.True(checkedSamples > 40_000);
    }

    [Fact]
    public void Step_OfflineServers_SendNoSampleAndRebootWithFreshUptime()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 30, Seed = 3, CriticalIssueProbability = 0.05 });
        var lastUptime = new Dictionary<string, double>();
        var wasOffline = new HashSet<string>();
        var offlineObservations = 0;
        var reboots = 0;

        for (var step = 0; step < 600; step++)
        {
            var samples = SimulatorRuns.ByServer(simulator.Step());
            foreach (var server in simulator.Servers)
            {
                var name = server.Identity.Name;
                var offline = server.State == ServerState.Offline;
                Assert.Equal(offline, !samples.ContainsKey(name));
                if (offline)
                {
                    offlineObservations++;
                    wasOffline.Add(name);
                    continue;
                }

                var uptime = samples[name].Get(Metric.UptimeDays);
                if (wasOffline.Remove(name))
                {
                    Assert.Equal(300 / 86400.0, uptime, 9);
                    reboots++;
                }
                else if (lastUptime.TryGetValue(name, out var previous))
                {
                    Assert.Equal(previous + (300 / 86400.0), uptime, 9);
                }

                lastUptime[name] = uptime;
            }
        }

        Assert.True(offlineObservations > 0);
        Assert.True(reboots > 0);
    }

    [Fact]
    public void Step_HealthyDefaultFleet_MostlyLooksHealthy()
    {
        var simulator = new FleetSimulator(new SimulatorOptions());
        var steps = SimulatorRuns.Run(simulator, 288);

        var samples = steps.SelectMany(s => s).ToArray();
        var saturated = samples.Count(s => s.Get(Metric.CpuIdlePct) <= 2 || s.Get(Metric.MemUsedPct) >= 99 || s.Get(Metric.SwapUsedPct) >= 50);
        var reported = samples.Length / (288.0 * 90);

        Assert.True(saturated < samples.Length * 0.01, $"{saturated} of {samples.Length} samples look critical");
        Assert.True(reported > 0.98, $"only {reported:P1} of server-steps reported");
    }

    [Fact]
    public void Step_ThousandServers_ReportsAlmostEveryServer()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 1000 });
        simulator.Step();

        var watch = Stopwatch.StartNew();
        var samples = SimulatorRuns.Run(simulator, 20);
        watch.Stop();

        output.WriteLine($"Step() for 1,000 servers: {watch.Elapsed.TotalMilliseconds / 20:F2} ms per step");
        Assert.All(samples, s => Assert.InRange(s.Count, 950, 1000));
    }

    [Fact]
    public void Step_NightlyBatchJob_RaisesDataIngestCpuAroundTwoAndDropsAfter()
    {
        // 2026-01-05 is a Monday; steps of 5 minutes.
        var dataset = new FleetSimulator(new SimulatorOptions { CriticalIssueProbability = 0 }).Generate(288 * 3);
        var ingest = dataset.Servers.Where(s => s.Profile == ServerProfile.DataIngest).ToArray();

        double MeanCpuAt(int hour, int minute) => ingest.SelectMany(s => Enumerable.Range(0, 3).Select(day => (double)s[(day * 288) + (hour * 12) + (minute / 5), Metric.CpuUserPct]))
            .Where(double.IsFinite).Average();

        var before = MeanCpuAt(0, 30);
        var during = MeanCpuAt(2, 15);
        var after = MeanCpuAt(4, 0);

        Assert.True(during > before + 15, $"during {during:F1} vs before {before:F1}");
        Assert.True(during > after + 15, $"during {during:F1} vs after {after:F1}");
    }

    [Fact]
    public void Step_DiskUsage_ClimbsThenDropsOncePerDayAtRotation()
    {
        var dataset = new FleetSimulator(new SimulatorOptions { Servers = 20, CriticalIssueProbability = 0 }).Generate(288 * 2);

        foreach (var series in dataset.Servers)
        {
            var drops = 0;
            var rises = 0;
            for (var step = 1; step < dataset.Steps; step++)
            {
                var delta = series[step, Metric.DiskUsagePct] - series[step - 1, Metric.DiskUsagePct];
                if (!float.IsFinite(delta))
                {
                    continue;
                }

                drops += delta < -2 ? 1 : 0;
                rises += delta > 0 ? 1 : 0;
            }

            Assert.InRange(drops, 1, 2);
            Assert.True(rises > dataset.Steps / 2, $"{series.Server} rose on only {rises} steps");
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesEveryBadField()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FleetSimulator(new SimulatorOptions { Servers = 0, RampSteps = 0 }));

        Assert.Contains("Servers", ex.Message);
        Assert.Contains("RampSteps", ex.Message);
    }

    [Fact]
    public async Task StepAndSet_FromDifferentThreads_StayConsistent()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 50 });
        using var stop = new CancellationTokenSource();
        var setter = Task.Run(() =>
        {
            var names = ScenarioNames.All;
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                simulator.Set(names[i % names.Count]);
            }
        });

        for (var step = 0; step < 300; step++)
        {
            var samples = simulator.Step();
            Assert.All(samples, s => Assert.Equal(simulator.Now, s.Timestamp));
        }

        await stop.CancelAsync();
        await setter;
        Assert.Equal(simulator.Options.Start.AddSeconds(299 * 300), simulator.Now);
    }

    private static List<IReadOnlyList<FleetCast.Core.Samples.MetricSample>> RunWithScenarios(FleetSimulator simulator)
    {
        var steps = SimulatorRuns.Run(simulator, 10);
        simulator.Set("degrading");
        steps.AddRange(SimulatorRuns.Run(simulator, 10));
        simulator.Set("critical");
        steps.AddRange(SimulatorRuns.Run(simulator, 10));
        simulator.Set("cascade");
        steps.AddRange(SimulatorRuns.Run(simulator, 10));
        simulator.Set("healthy");
        steps.AddRange(SimulatorRuns.Run(simulator, 10));
        return steps;
    }
}
