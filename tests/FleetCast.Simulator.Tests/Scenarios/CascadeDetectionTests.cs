using FleetCast.Core.Cascades;
using FleetCast.Core.Profiles;
using FleetCast.Simulator.Scenarios;
using FleetCast.Simulator.Tests.Shared;

namespace FleetCast.Simulator.Tests.Scenarios;

/// <summary>Ties the simulator's cascade scenario to the engine's cascade detection (Core): the cascade is found,
/// with a database as its first root candidate and a failing one among the candidates, and a healthy day gives no cascade.</summary>
public sealed class CascadeDetectionTests
{
    private const int WarmUpSteps = 48;

    [Theory]
    [InlineData(3, 3)]
    [InlineData(5, 9)]
    [InlineData(7, 14)]
    public void Set_Cascade_DetectedWithADatabaseRootWithinTheRamp(int seed, int hour)
    {
        var start = new DateTimeOffset(2026, 1, 5, hour, 0, 0, TimeSpan.Zero).AddMinutes(-5 * WarmUpSteps);
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 90, Seed = seed, Start = start, RampSteps = 12 });
        var run = new CascadeRun(simulator);
        for (var step = 0; step < WarmUpSteps; step++)
        {
            Assert.DoesNotContain(run.Step(), c => c.IsActive);
        }

        var status = simulator.Set(ScenarioNames.Cascade);
        CascadeEvent? detected = null;
        for (var step = 0; step < status.RampSteps && detected is null; step++)
        {
            detected = run.Step().FirstOrDefault(c => c.IsActive);
        }

        Assert.NotNull(detected);
        Assert.Equal(ServerProfile.Database, detected.Dependency);
        var root = detected.RootCandidates[0];
        Assert.Equal(ServerProfile.Database, root.Profile);
        Assert.Contains(detected.RootCandidates, c => c.Profile == ServerProfile.Database && status.AffectedServers.Contains(c.Server));
        Assert.True(detected.Affected.Count >= 10, $"{detected.Affected.Count} affected");
        var affected = status.AffectedServers.ToHashSet(StringComparer.Ordinal);
        Assert.True(detected.Affected.Count(m => affected.Contains(m.Server)) >= detected.Affected.Count * 0.8,
            "most affected servers are the scenario's");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Healthy_OneSimulatedDay_NoCascade(int seed)
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 90, Seed = seed });
        var run = new CascadeRun(simulator);

        var cascades = Enumerable.Range(0, WarmUpSteps + 288).SelectMany(_ => run.Step()).ToList();

        Assert.Empty(cascades);
    }
}
