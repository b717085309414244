using FleetCast.Core.Forecasts;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Simulator.Tests.Shared;

namespace FleetCast.Simulator.Tests.Scenarios;

/// <summary>Ties the simulator's critical targets to the real scorer: a server held at its values
/// (a flat forecast of what it reports now) must score critical or worse.</summary>
public sealed class CriticalScenarioScoringTests
{
    [Fact]
    public void Set_Critical_EveryAffectedServerScoresCriticalOrWorseAfterTheRamp()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 90, Seed = 11, RampSteps = 12 });
        SimulatorRuns.Run(simulator, 5);
        var status = simulator.Set("critical");
        var runs = SimulatorRuns.Run(simulator, status.RampSteps + 3);
        var last = SimulatorRuns.ByServer(runs[^1]);

        Assert.NotEmpty(status.AffectedServers);
        foreach (var server in status.AffectedServers)
        {
            var sample = last[server];
            var profile = sample.Profile ?? ServerProfile.Generic;
            var assessment = RiskScorer.Score(profile, sample.Values, FlatForecast(server, sample.Values), ThresholdTable.Default, ScoringOptions.Default);
            Assert.True(assessment.Level >= RiskLevel.Critical, $"{server} ({profile}) scored {assessment.Score} ({assessment.Level})");
        }
    }

    private static ServerForecast FlatForecast(string server, double[] values)
    {
        const int horizon = 12;
        var quantiles = ServerForecast.StandardQuantiles;
        var data = new float[quantiles.Length * MetricCatalog.Count * horizon];
        for (var q = 0; q < quantiles.Length; q++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var value = double.IsNaN(values[m]) ? 0f : (float)values[m];
                data.AsSpan(((q * MetricCatalog.Count) + m) * horizon, horizon).Fill(value);
            }
        }

        return new ServerForecast(server, "flat", DateTimeOffset.UnixEpoch, 300, quantiles, horizon, data);
    }
}
