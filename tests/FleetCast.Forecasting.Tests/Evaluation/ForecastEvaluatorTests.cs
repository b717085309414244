using FleetCast.Core.Alerts;
using FleetCast.Core.Datasets;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class ForecastEvaluatorTests
{
    private static readonly AlertFunction NoAlerts = (_, _) => [];

    /// <summary>A stand-in for the live rule: critical when p50 of cpu_user reaches 95 within the horizon.</summary>
    private static readonly AlertFunction CpuP50Rule = (window, forecast) =>
    {
        var p50 = forecast.Series(0.5, Metric.CpuUserPct);
        for (var h = 0; h < p50.Length; h++)
        {
            if (p50[h] >= 95)
            {
                return [new AlertCandidate(window.Server, Metric.CpuUserPct, AlertSeverity.Critical, AlertLikelihood.Likely, 95, p50[h], h + 1, (h + 1) * 5.0)];
            }
        }

        return [];
    };

    private static ForecastEvaluator Evaluator(AlertFunction alerts, int lookback = 48) =>
        new(new EvaluationOptions { LookbackSteps = lookback, HorizonSteps = 96, OriginStride = 12, Alerts = alerts, AlertRule = TestAlertRules.FireAtOnce });

    [Fact]
    public void Evaluate_PerfectOracle_ZeroPinballFullCoverage_WorseOracleHigher()
    {
        // Arrange
        var random = new Random(4);
        var data = TestSeries.Dataset(3, 300, (s, t, m) => (float)(20 + (10 * s) + (random.NextDouble() * 10)));
        var perfect = new OracleForecaster(data, "perfect");
        var shifted = new OracleForecaster(data, "shifted", offset: 3f);

        // Act
        var report = Evaluator(NoAlerts).Evaluate(data, [perfect, shifted]);

        // Assert
        var perfectScore = report.Forecasters[0];
        var shiftedScore = report.Forecasters[1];
        Assert.Equal(0, perfectScore.PinballMean, 9);
        Assert.Equal(0, perfectScore.P50Mae["cpu_user_pct"], 6);
        Assert.Equal(1.0, perfectScore.Coverage80);
        Assert.True(shiftedScore.PinballMean > 0.1, $"shifted pinball {shiftedScore.PinballMean}");
        Assert.Equal(3.0, shiftedScore.P50Mae["mem_used_pct"], 3);
        Assert.Equal(0.0, shiftedScore.Coverage80);
    }

    [Fact]
    public void Evaluate_OracleFeedingAlertRule_FlagsIncidentAheadWithLead()
    {
        // Arrange
        var data = IncidentDataset.Create();

        // Act
        var report = Evaluator(CpuP50Rule).Evaluate(data, [new OracleForecaster(data, "oracle")]);

        // Assert: origins 47 + 12k; the first whose horizon (o, o + 96] holds step 200 is 107.
        var incidents = report.Forecasters[0].Incidents;
        Assert.Equal(1, incidents.Total);
        Assert.Equal(1, incidents.FlaggedAhead);
        Assert.Equal((200 - 107) * 5.0, incidents.MedianLeadMinutes);
        Assert.Equal(0.0, incidents.FalseAlertsPerServerDay);
        Assert.Equal(0, incidents.InjectedTotal);
    }

    [Fact]
    public void Evaluate_CrossingDuringEpisodeOnAffectedServer_CountsAsInjected()
    {
        // Arrange: the same incident, inside a critical episode on ppweb001 (steps 190–230); a second
        // episode elsewhere (another server) or at another time does not make it injected twice.
        var plain = IncidentDataset.Create();
        var data = plain with
        {
            Episodes =
            [
                new ScenarioEpisode("critical", 190, 230, ["ppweb001"]),
                new ScenarioEpisode("critical", 190, 230, ["ppdb001"]),
                new ScenarioEpisode("healthy", 230, 400, []),
            ],
        };

        // Act
        var flagged = Evaluator(CpuP50Rule).Evaluate(data, [new OracleForecaster(data, "oracle")]).Forecasters[0].Incidents;
        var missed = Evaluator(NoAlerts).Evaluate(data, [new OracleForecaster(data, "oracle")]).Forecasters[0].Incidents;

        // Assert
        Assert.Equal((1, 1, 1, 1), (flagged.Total, flagged.FlaggedAhead, flagged.InjectedTotal, flagged.InjectedFlaggedAhead));
        Assert.Equal((1, 0, 1, 0), (missed.Total, missed.FlaggedAhead, missed.InjectedTotal, missed.InjectedFlaggedAhead));
    }

    [Fact]
    public void Evaluate_NoAlerts_IncidentNotFlagged()
    {
        var data = IncidentDataset.Create();

        var report = Evaluator(NoAlerts).Evaluate(data, [new OracleForecaster(data, "oracle")]);

        var incidents = report.Forecasters[0].Incidents;
        Assert.Equal(1, incidents.Total);
        Assert.Equal(0, incidents.FlaggedAhead);
        Assert.Null(incidents.MedianLeadMinutes);
    }

    [Fact]
    public void Evaluate_AlertFoundEveryOtherOrigin_IsOneLiveAlertNotOnePerSighting()
    {
        // Arrange: a memory alert found at every other origin (memory stays at 50). The live tracker keeps
        // an alert firing through fewer than ResolveAfterEvaluations (3) misses, so this is one alert.
        var data = IncidentDataset.Create();
        var origins = ForecastEvaluator.Origins(400, 48, 96, 12);
        AlertFunction memoryEveryOther = (window, forecast) =>
            Array.IndexOf(origins, (int)((window.LastStepTime - data.Start).TotalSeconds / data.StepSeconds)) % 2 == 0
                ? [new AlertCandidate(window.Server, Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Possible, 98, 99, 10, 50)]
                : [];

        // Act
        var report = Evaluator(memoryEveryOther).Evaluate(data, [new OracleForecaster(data, "oracle")]);

        // Assert
        var serverDays = origins.Length * 12 * 300 / 86_400.0;
        Assert.Equal(1 / serverDays, report.Forecasters[0].Incidents.FalseAlertsPerServerDay, 6);
    }

    [Fact]
    public void Evaluate_TwoMetricsAlarmingTogetherWithoutCrossing_IsOneFalseServerAlert()
    {
        // Arrange: memory and disk alerts at every origin; neither crosses.
        var data = IncidentDataset.Create();
        AlertFunction twoMetrics = (window, forecast) =>
        [
            new AlertCandidate(window.Server, Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Possible, 98, 99, 10, 50),
            new AlertCandidate(window.Server, Metric.DiskUsagePct, AlertSeverity.Critical, AlertLikelihood.Possible, 95, 96, 10, 50),
        ];

        // Act
        var report = Evaluator(twoMetrics).Evaluate(data, [new OracleForecaster(data, "oracle")]);

        // Assert: one alert per server incident, as live.
        var serverDays = ForecastEvaluator.Origins(400, 48, 96, 12).Length * 12 * 300 / 86_400.0;
        Assert.Equal(1 / serverDays, report.Forecasters[0].Incidents.FalseAlertsPerServerDay, 6);
    }

    [Fact]
    public void Evaluate_AlertOnMetricThatNeverCrosses_CountsOneFalseAlertEpisode()
    {
        // Arrange: memory alert at every origin; memory stays at 50.
        var data = IncidentDataset.Create();
        AlertFunction memoryAlways = (window, forecast) =>
            [new AlertCandidate(window.Server, Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Possible, 98, 99, 10, 50)];

        // Act
        var report = Evaluator(memoryAlways).Evaluate(data, [new OracleForecaster(data, "oracle")]);

        // Assert: origins 47..299 (22 of them) cover 22 × 12 steps = 0.9167 server-days; one episode.
        var origins = ForecastEvaluator.Origins(400, 48, 96, 12).Length;
        var serverDays = origins * 12 * 300 / 86_400.0;
        Assert.Equal(1 / serverDays, report.Forecasters[0].Incidents.FalseAlertsPerServerDay, 6);
    }

    [Fact]
    public void Evaluate_Baselines_ProducesFiniteScoresAndProgress()
    {
        // Arrange
        var data = IncidentDataset.Create();
        var messages = new List<string>();
        var progress = new SynchronousProgress(messages);

        // Act
        var report = Evaluator(NoAlerts, lookback: 96).Evaluate(data, [new LinearTrendForecaster(), new SeasonalNaiveForecaster(), new HoltWintersForecaster()], progress);

        // Assert
        Assert.Equal(["linear-trend", "seasonal-naive", "holt-winters"], report.Forecasters.Select(f => f.Name));
        Assert.All(report.Forecasters, f => Assert.True(double.IsFinite(f.PinballMean) && f.Coverage80 is >= 0 and <= 1));
        Assert.Equal(report.Origins, messages.Count);
        Assert.StartsWith("origin 1/", messages[0]);
        Assert.Equal(7, report.Seed);
        Assert.Equal(400 * 300 / 86_400.0, report.Days, 9);
    }

    [Fact]
    public void Evaluate_DatasetShorterThanLookbackAndHorizon_ThrowsNamingHeldOut()
    {
        var data = TestSeries.Dataset(1, 100, (s, t, m) => 1f);

        var error = Assert.Throws<ArgumentException>(() => Evaluator(NoAlerts).Evaluate(data, [new LinearTrendForecaster()]));

        Assert.Equal("heldOut", error.ParamName);
    }

    private sealed class SynchronousProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }
}
