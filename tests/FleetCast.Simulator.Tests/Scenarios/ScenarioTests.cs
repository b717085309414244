using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Simulator.Scenarios;
using FleetCast.Simulator.Tests.Shared;

namespace FleetCast.Simulator.Tests.Scenarios;

public sealed class ScenarioTests
{
    [Fact]
    public void Available_Always_ListsTheFourScenarios()
    {
        var simulator = new FleetSimulator(new SimulatorOptions());

        Assert.Equal(["healthy", "degrading", "critical", "cascade"], simulator.Available);
        Assert.Equal("healthy", simulator.Current.Scenario);
        Assert.Empty(simulator.Current.AffectedServers);
    }

    [Fact]
    public void Set_UnknownScenario_ThrowsNamingTheValidOnes()
    {
        var simulator = new FleetSimulator(new SimulatorOptions());

        var ex = Assert.Throws<ArgumentException>(() => simulator.Set("meltdown"));

        Assert.Contains("meltdown", ex.Message);
        Assert.Contains("healthy, degrading, critical, cascade", ex.Message);
        Assert.Equal("healthy", simulator.Current.Scenario);
    }

    [Fact]
    public void Set_Critical_AffectsAQuarterAndHoldsCriticalValuesAfterTheRamp()
    {
        var options = new SimulatorOptions { Seed = 9 };
        var simulator = new FleetSimulator(options);
        SimulatorRuns.Run(simulator, 5);

        var status = simulator.Set("critical");
        SimulatorRuns.Run(simulator, options.RampSteps);
        var held = SimulatorRuns.Run(simulator, 10);

        Assert.Equal("critical", status.Scenario);
        Assert.Equal(23, status.AffectedServers.Count);
        Assert.Equal(options.Start.AddSeconds(5 * 300), status.ChangedAt);
        foreach (var step in held)
        {
            var byServer = SimulatorRuns.ByServer(step);
            foreach (var name in status.AffectedServers)
            {
                var sample = byServer[name];
                Assert.True(sample.Get(Metric.CpuIdlePct) <= 2, $"{name} idle {sample.Get(Metric.CpuIdlePct)}");
                Assert.True(sample.Get(Metric.CpuUserPct) >= 84.5);
                Assert.True(sample.Get(Metric.CpuSysPct) >= 7.5);
                Assert.True(sample.Get(Metric.CpuIowaitPct) >= 5.5);
                Assert.True(sample.Get(Metric.MemUsedPct) >= (sample.Profile == ServerProfile.Database ? 99 : 98), $"{name} memory {sample.Get(Metric.MemUsedPct)}");
                Assert.True(sample.Get(Metric.SwapUsedPct) >= 54.5, $"{name} swap {sample.Get(Metric.SwapUsedPct)}");
            }
        }
    }

    [Fact]
    public void Set_CriticalDuringRamp_IsStillRampingAndNotYetCritical()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Seed = 9, RampSteps = 12, CriticalIssueProbability = 0 });

        var status = simulator.Set("critical");
        var first = SimulatorRuns.ByServer(simulator.Step());

        Assert.Contains(status.AffectedServers, name => first[name].Get(Metric.MemUsedPct) < 95);
    }

    [Fact]
    public void Set_CriticalFromDegrading_ContinuesWithTheSameServersOverAShorterRamp()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Seed = 4, RampSteps = 12 });
        var degrading = simulator.Set("degrading");
        SimulatorRuns.Run(simulator, 12);

        var critical = simulator.Set("critical");
        var afterShortRamp = SimulatorRuns.Run(simulator, 6)[^1];

        Assert.Equal(18, degrading.AffectedServers.Count);
        Assert.Subset(critical.AffectedServers.ToHashSet(), degrading.AffectedServers.ToHashSet());
        var byServer = SimulatorRuns.ByServer(afterShortRamp);
        Assert.All(degrading.AffectedServers, name => Assert.True(byServer[name].Get(Metric.CpuIdlePct) <= 2));
        Assert.All(simulator.Servers.Where(s => degrading.AffectedServers.Contains(s.Identity.Name)), s => Assert.Equal(6, s.Pull!.RampSteps));
    }

    [Fact]
    public void Set_Degrading_TrendsAffectedServersTowardItsTargets()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Seed = 4, RampSteps = 12 });

        var status = simulator.Set("degrading");
        var after = SimulatorRuns.ByServer(SimulatorRuns.Run(simulator, 14)[^1]);

        Assert.All(status.AffectedServers, name =>
        {
            Assert.InRange(after[name].Get(Metric.CpuUserPct), 72, 78);
            Assert.InRange(after[name].Get(Metric.MemUsedPct), 78.5, 81.5);
            if (after[name].Profile == ServerProfile.Database)
            {
                Assert.InRange(after[name].Get(Metric.CpuIowaitPct), 16, 20);
            }
        });
    }

    [Fact]
    public void Set_Cascade_FailsTwoDatabasesAndDegradesOnlyTheirDependents()
    {
        var options = new SimulatorOptions { Seed = 21 };
        var cascade = new FleetSimulator(options);
        var twin = new FleetSimulator(options);

        var status = cascade.Set("cascade");
        var withCascade = SimulatorRuns.Run(cascade, options.RampSteps + 2)[^1];
        var without = SimulatorRuns.Run(twin, options.RampSteps + 2)[^1];

        var profiles = status.AffectedServers.Select(ProfileRules.Default.Resolve).ToArray();
        Assert.Equal(2, profiles.Count(p => p == ServerProfile.Database));
        Assert.DoesNotContain(ServerProfile.MlCompute, profiles);
        Assert.DoesNotContain(ServerProfile.Generic, profiles);
        var dependents = cascade.ServerNames.Where(n => ProfileDependencies.DependsOn(ProfileRules.Default.Resolve(n), ServerProfile.Database)).ToArray();
        var failing = status.AffectedServers.Where(n => ProfileRules.Default.Resolve(n) == ServerProfile.Database);
        Assert.Equal(dependents.Concat(failing).Order(), status.AffectedServers.Order());

        var a = SimulatorRuns.ByServer(withCascade);
        var b = SimulatorRuns.ByServer(without);
        foreach (var name in status.AffectedServers.Where(n => ProfileRules.Default.Resolve(n) == ServerProfile.Database))
        {
            Assert.InRange(100 - a[name].Get(Metric.CpuIdlePct), 93, 97);
            Assert.InRange(a[name].Get(Metric.CpuIowaitPct), 43, 47);
            Assert.InRange(a[name].Get(Metric.MemUsedPct), 91, 93);
        }

        var onlineDependents = dependents.Where(n => a.ContainsKey(n) && b.ContainsKey(n)).ToArray();
        Assert.All(onlineDependents, n => Assert.True(a[n].Get(Metric.BackCloseWait) >= 7, $"{n} back_close_wait {a[n].Get(Metric.BackCloseWait)}"));
        Assert.True(onlineDependents.Average(n => a[n].Get(Metric.LoadAverage)) > 1.5 * onlineDependents.Average(n => b[n].Get(Metric.LoadAverage)));
        Assert.True(onlineDependents.Average(n => a[n].Get(Metric.NetInMbS)) < 0.6 * onlineDependents.Average(n => b[n].Get(Metric.NetInMbS)));

        // Servers outside the cascade follow exactly the same course as in a fleet without it.
        foreach (var name in cascade.ServerNames.Except(status.AffectedServers))
        {
            Assert.Equal(b.ContainsKey(name), a.ContainsKey(name));
            if (a.ContainsKey(name))
            {
                Assert.Equal(b[name].Values, a[name].Values);
            }
        }
    }

    [Fact]
    public void Set_HealthyAfterCritical_ReturnsAffectedServersToNormal()
    {
        var options = new SimulatorOptions { Seed = 13, CriticalIssueProbability = 0 };
        var simulator = new FleetSimulator(options);
        var critical = simulator.Set("critical");
        SimulatorRuns.Run(simulator, options.RampSteps + 3);

        var healthy = simulator.Set("healthy");
        var recovered = SimulatorRuns.Run(simulator, options.RecoverySteps + 5).Skip(options.RecoverySteps);

        Assert.Empty(healthy.AffectedServers);
        Assert.Equal(options.RecoverySteps, healthy.RampSteps);
        Assert.All(simulator.Servers, s => Assert.Null(s.Pull));
        foreach (var step in recovered)
        {
            var byServer = SimulatorRuns.ByServer(step);
            foreach (var name in critical.AffectedServers.Where(byServer.ContainsKey))
            {
                Assert.True(byServer[name].Get(Metric.SwapUsedPct) < 50, $"{name} swap {byServer[name].Get(Metric.SwapUsedPct)}");
                Assert.True(byServer[name].Get(Metric.MemUsedPct) < 98, $"{name} memory {byServer[name].Get(Metric.MemUsedPct)}");
                Assert.True(byServer[name].Get(Metric.CpuIdlePct) > 2, $"{name} idle {byServer[name].Get(Metric.CpuIdlePct)}");
            }
        }
    }

    [Fact]
    public void Set_SameScenarioTwice_KeepsTheFirstChange()
    {
        var simulator = new FleetSimulator(new SimulatorOptions());
        var first = simulator.Set("Critical");
        SimulatorRuns.Run(simulator, 3);

        var second = simulator.Set("critical");

        Assert.Equal(first.ChangedAt, second.ChangedAt);
        Assert.Equal(first.AffectedServers, second.AffectedServers);
    }

    [Fact]
    public void Set_SameSeed_ChoosesTheSameServers()
    {
        var a = new FleetSimulator(new SimulatorOptions { Seed = 77 }).Set("critical");
        var b = new FleetSimulator(new SimulatorOptions { Seed = 77 }).Set("critical");
        var c = new FleetSimulator(new SimulatorOptions { Seed = 78 }).Set("critical");

        Assert.Equal(a.AffectedServers, b.AffectedServers);
        Assert.NotEqual(a.AffectedServers, c.AffectedServers);
    }
}
