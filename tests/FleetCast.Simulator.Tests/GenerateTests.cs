using FleetCast.Core.Metrics;

namespace FleetCast.Simulator.Tests;

public sealed class GenerateTests
{
    [Fact]
    public void Generate_WithPlan_ListsEpisodesWithTheirAffectedServers()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 40, Seed = 2 });

        var dataset = simulator.Generate(100, new Dictionary<int, string> { [20] = "degrading", [50] = "critical", [80] = "healthy" });

        Assert.Equal(["healthy", "degrading", "critical", "healthy"], dataset.Episodes.Select(e => e.Scenario));
        Assert.Equal([(0, 20), (20, 50), (50, 80), (80, 100)], dataset.Episodes.Select(e => (e.StartStep, e.EndStep)));
        Assert.Equal(8, dataset.Episodes[1].AffectedServers.Count);
        Assert.Equal(10, dataset.Episodes[2].AffectedServers.Count);
        Assert.Empty(dataset.Episodes[3].AffectedServers);
        Assert.Equal("healthy", simulator.Current.Scenario);
    }

    [Fact]
    public void Generate_NewServersPerEpisode_EachEpisodeFromHealthyDrawsOtherServersAndDegradingKeepsThemIntoCritical()
    {
        var plan = new Dictionary<int, string> { [10] = "critical", [20] = "healthy", [30] = "critical", [40] = "healthy", [50] = "degrading", [60] = "critical" };
        var fixedServers = new FleetSimulator(new SimulatorOptions { Servers = 40, Seed = 2 }).Generate(70, plan);
        var freshServers = new FleetSimulator(new SimulatorOptions { Servers = 40, Seed = 2, NewServersPerEpisode = true }).Generate(70, plan);

        static string[][] Affected(Core.Datasets.FleetDataset d) =>
            [.. d.Episodes.Where(e => e.Scenario != "healthy").Select(e => e.AffectedServers.Order().ToArray())];
        var fixedSets = Affected(fixedServers);
        var freshSets = Affected(freshServers);

        Assert.Equal(fixedSets[0], fixedSets[1]);
        Assert.Equal(fixedSets[0], freshSets[0]);
        Assert.NotEqual(freshSets[0], freshSets[1]);
        Assert.Equal(10, freshSets[1].Length);
        Assert.Equal(8, freshSets[2].Length);
        Assert.Subset(freshSets[3].ToHashSet(), freshSets[2].ToHashSet());
    }

    [Fact]
    public void Generate_Shape_MatchesStepsServersAndClock()
    {
        var options = new SimulatorOptions { Servers = 12, Seed = 4 };
        var simulator = new FleetSimulator(options);
        simulator.Step();

        var dataset = simulator.Generate(30);

        Assert.Equal(30, dataset.Steps);
        Assert.Equal(12, dataset.Servers.Count);
        Assert.Equal(options.Start.AddSeconds(300), dataset.Start);
        Assert.Equal(options.Start.AddSeconds(30 * 300), simulator.Now);
        Assert.Equal(4, dataset.Seed);
        Assert.Equal(simulator.ServerNames, dataset.Servers.Select(s => s.Server));
    }

    [Fact]
    public void Generate_SameSeed_MatchesStepByStepSamples()
    {
        var options = new SimulatorOptions { Servers = 15, Seed = 6, CriticalIssueProbability = 0.05 };
        var dataset = new FleetSimulator(options).Generate(200);
        var stepper = new FleetSimulator(options);

        for (var step = 0; step < 200; step++)
        {
            var samples = stepper.Step().ToDictionary(s => s.Server);
            foreach (var series in dataset.Servers)
            {
                if (samples.TryGetValue(series.Server, out var sample))
                {
                    Assert.Equal((float)sample.Values[(int)Metric.MemUsedPct], series[step, Metric.MemUsedPct]);
                }
                else
                {
                    Assert.All(Enumerable.Range(0, MetricCatalog.Count), m => Assert.True(float.IsNaN(series[step, (Metric)m])));
                }
            }
        }

        Assert.Contains(dataset.Servers, s => s.Values.Any(float.IsNaN));
    }

    [Fact]
    public void Generate_UnknownScenarioInPlan_ThrowsNamingValidOnes()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 10 });

        var ex = Assert.Throws<ArgumentException>(() => simulator.Generate(10, new Dictionary<int, string> { [3] = "chaos" }));

        Assert.Contains("healthy, degrading, critical, cascade", ex.Message);
        Assert.Equal(simulator.Options.Start.AddSeconds(-300), simulator.Now);
    }
}
