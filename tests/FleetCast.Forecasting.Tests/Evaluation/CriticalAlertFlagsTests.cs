using FleetCast.Core.Alerts;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class CriticalAlertFlagsTests
{
    private const int Horizon = 96;

    [Theory]
    [InlineData(ServerProfile.WebApi, 1)]
    [InlineData(ServerProfile.Database, 2)]
    [InlineData(ServerProfile.MlCompute, 3)]
    public void Mark_EveryGridSetting_AgreesWithTheLiveRule(ServerProfile profile, int seed)
    {
        // Arrange: values and forecasts that hover around each metric's critical threshold.
        var random = new Random(seed);
        var table = ThresholdTable.Default;
        var rules = AlertSettingGrid.Create(Horizon, AlertRuleOptions.Default).Select(s => s.Options).ToArray();
        var flags = new CriticalAlertFlags(rules);
        var mismatches = new List<string>();
        var raised = 0;

        for (var trial = 0; trial < 40; trial++)
        {
            var (window, forecast) = NearThresholds(profile, table, random);
            var marked = rules.Select(_ => new bool[MetricCatalog.Count]).ToArray();

            // Act
            flags.Mark(window, forecast, table, marked, 0);

            // Assert
            for (var r = 0; r < rules.Length; r++)
            {
                var live = PredictiveAlertRule.Evaluate(window.Server, profile, window.Latest(), forecast, ready: true, table, rules[r])
                    .Where(c => c.Severity == AlertSeverity.Critical && c.StepsAhead >= 1)
                    .Select(c => (int)c.Metric)
                    .ToHashSet();
                for (var m = 0; m < MetricCatalog.Count; m++)
                {
                    raised += marked[r][m] ? 1 : 0;
                    if (marked[r][m] != live.Contains(m))
                    {
                        mismatches.Add($"trial {trial}, rule {r}, metric {(Metric)m}: flags {marked[r][m]}, live rule {live.Contains(m)}");
                    }
                }
            }
        }

        Assert.Empty(mismatches);
        Assert.True(raised > 100, $"only {raised} flags raised: the test data does not exercise the rule");
    }

    private static (ServerWindow Window, ServerForecast Forecast) NearThresholds(ServerProfile profile, ThresholdTable table, Random random)
    {
        var critical = new double[MetricCatalog.Count];
        foreach (var thresholds in table.ForProfile(profile))
        {
            critical[(int)thresholds.Metric] = thresholds.Critical ?? 0;
        }

        float Near(int m) => (float)(critical[m] * (0.85 + (0.3 * random.NextDouble())));
        var window = new ServerWindow("ppsrv001", profile, TestSeries.Start, TestSeries.StepSeconds, TestSeries.Rows(4, (_, m) => Near(m)), Enumerable.Repeat(true, MetricCatalog.Count).ToArray());
        var quantiles = ServerForecast.StandardQuantiles;
        var values = new float[quantiles.Length * MetricCatalog.Count * Horizon];
        for (var q = 0; q < quantiles.Length; q++)
        {
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                // Runs of random length above and below the threshold, so persistence matters.
                var level = Near(m);
                for (var h = 0; h < Horizon; h++)
                {
                    if (random.NextDouble() < 0.15)
                    {
                        level = Near(m);
                    }

                    values[(((q * MetricCatalog.Count) + m) * Horizon) + h] = level;
                }
            }
        }

        return (window, new ServerForecast(window.Server, "test", TestSeries.Start, TestSeries.StepSeconds, quantiles, Horizon, values));
    }
}
