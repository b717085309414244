using FleetCast.Forecasting.Live;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Retraining;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Retraining;

public sealed class AutoRetrainTriggerTests
{
    private static RetrainingOptions Options(int consecutive = 3) => new() { ConsecutiveMeasurements = consecutive, DriftedMetrics = 2, LiveWorseThanBaseline = 1.2 };

    [Fact]
    public void Observe_DriftInThreeNewMeasurements_ReasonOnlyAtTheThird()
    {
        var trigger = new AutoRetrainTrigger(Options());

        var verdicts = Enumerable.Range(1, 3).Select(hour => trigger.Observe(Drifted(hour, "cpu_user_pct", "mem_used_pct"))).ToArray();

        Assert.Null(verdicts[0]);
        Assert.Null(verdicts[1]);
        Assert.Equal("input drift: 2 metrics with significant PSI (cpu_user_pct, mem_used_pct) in 3 measurements in a row", verdicts[2]);
    }

    [Fact]
    public void Observe_SameMeasurementAgain_CountsOnce()
    {
        var trigger = new AutoRetrainTrigger(Options());

        for (var i = 0; i < 5; i++)
        {
            trigger.Observe(Drifted(1, "cpu_user_pct", "mem_used_pct"));
        }

        Assert.Equal(1, trigger.Consecutive);
    }

    [Fact]
    public void Observe_AStableMeasurementBetween_StartsCountingAgain()
    {
        var trigger = new AutoRetrainTrigger(Options());

        trigger.Observe(Drifted(1, "cpu_user_pct", "mem_used_pct"));
        trigger.Observe(Drifted(2, "cpu_user_pct", "mem_used_pct"));
        trigger.Observe(Drifted(3, "cpu_user_pct"));
        var verdict = trigger.Observe(Drifted(4, "cpu_user_pct", "mem_used_pct"));

        Assert.Null(verdict);
        Assert.Equal(1, trigger.Consecutive);
    }

    [Fact]
    public void Observe_LiveWorseThanBestBaseline_CountsAsDegraded()
    {
        var trigger = new AutoRetrainTrigger(Options(consecutive: 1));
        var shadow = new ShadowScoringStatus(true, 12, 200, ["holt-winters"], 3, 0, null, 0, null, 1,
            "test", new LiveShadowReport("tft", [], "holt-winters", 1.3, true));

        var verdict = trigger.Observe(Drifted(1) with { Shadow = shadow });

        Assert.Equal("live accuracy: tft's live pinball is 1.30× the best baseline's (holt-winters) in 1 measurements in a row", verdict);
    }

    private static ModelQualityReport Drifted(int hour, params string[] significant)
    {
        var metrics = new[] { "cpu_user_pct", "mem_used_pct", "load_average" }
            .Select(m => new MetricDrift(m, significant.Contains(m) ? 0.5 : 0.01, significant.Contains(m) ? "significant" : "stable", 100, 1, 1, [], [], []))
            .ToArray();
        return TestQualityReports.Baseline() with
        {
            Drift = new DriftStatus(true, "test", DateTimeOffset.UnixEpoch.AddHours(hour), new InputDriftReport(288, 3, metrics)),
        };
    }
}
