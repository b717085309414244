using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Tests.Shared;

namespace FleetCast.Core.Tests.Alerts;

public sealed class AlertOutcomeTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int step) => T0.AddMinutes(5 * step);

    private static ActiveAlert Alert(AlertSeverity severity = AlertSeverity.Critical, AlertLikelihood likelihood = AlertLikelihood.Likely, double threshold = 98, Metric metric = Metric.MemUsedPct) =>
        new("ppdb003", new AlertMetricFinding(metric, severity, likelihood, threshold, threshold + 0.5, 35), At(0), At(0));

    private static Func<string, double[]?> Values(Metric metric, double value) => _ => TestMetrics.Healthy().With(metric, value);

    [Fact]
    public void Settle_PredictedCrossingHappensBeforeTheDeadline_CameTrueAtThatStep()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        var opened = tracker.Open([new AlertTransition(Alert(), AlertTransitionKind.Fired, At(0))]);

        var before = tracker.Settle(At(3), Values(Metric.MemUsedPct, 95));
        var crossed = tracker.Settle(At(7), Values(Metric.MemUsedPct, 98.2));

        Assert.Equal(At(0) + Horizon, Assert.Single(opened).Deadline);
        Assert.Empty(before);
        var settled = Assert.Single(crossed);
        Assert.Equal((AlertOutcome.CameTrue, At(7), AlertSeverity.Critical), (settled.Outcome, settled.At, settled.Severity));
        var critical = tracker.Counts[(int)AlertSeverity.Critical];
        Assert.Equal((1, 0, 1, 0, 1.0), (critical.Predicted, critical.Open, critical.CameTrue, critical.DidNotHappen, critical.Precision));
    }

    [Fact]
    public void Settle_DeadlinePassesWithoutCrossing_DidNotHappenEvenAfterTheAlertResolved()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(), AlertTransitionKind.Fired, At(0))]);
        tracker.Open([new AlertTransition(Alert(), AlertTransitionKind.Resolved, At(10))]);

        var atDeadline = tracker.Settle(At(96), Values(Metric.MemUsedPct, 90));
        var after = tracker.Settle(At(97), Values(Metric.MemUsedPct, 90));

        Assert.Empty(atDeadline);
        Assert.Equal(AlertOutcome.DidNotHappen, Assert.Single(after).Outcome);
        Assert.Equal(0.0, tracker.Counts[(int)AlertSeverity.Critical].Precision);
    }

    [Fact]
    public void Open_AlertFiredOnAValueAlreadyOverItsThreshold_ClaimsNothing()
    {
        var tracker = new AlertOutcomeTracker(Horizon);

        var opened = tracker.Open([new AlertTransition(Alert(likelihood: AlertLikelihood.Now), AlertTransitionKind.Fired, At(0))]);

        Assert.Empty(opened);
        Assert.Equal(0, tracker.OpenCount);
        Assert.All(tracker.Counts, c => Assert.Null(c.Precision));
    }

    [Fact]
    public void Open_EscalationToAPredictedCritical_ReplacesTheWarningClaim()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Warning, threshold: 90), AlertTransitionKind.Fired, At(0))]);

        var opened = tracker.Open([new AlertTransition(Alert(AlertSeverity.Critical, threshold: 98), AlertTransitionKind.SeverityChanged, At(4)) { PreviousSeverity = AlertSeverity.Warning }]);
        var warningLevel = tracker.Settle(At(5), Values(Metric.MemUsedPct, 93));

        Assert.Equal((AlertSeverity.Critical, 98.0, At(4) + Horizon), (opened[0].Severity, opened[0].Threshold, opened[0].Deadline));
        Assert.Empty(warningLevel);
        Assert.Equal((0, 0), (tracker.Counts[(int)AlertSeverity.Warning].Predicted, tracker.Counts[(int)AlertSeverity.Warning].Open));
        Assert.Equal((1, 1), (tracker.Counts[(int)AlertSeverity.Critical].Predicted, tracker.Counts[(int)AlertSeverity.Critical].Open));
    }

    [Fact]
    public void Settle_IdleLowIsBad_CameTrueWhenIdleFallsToTheThreshold()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(metric: Metric.CpuIdlePct, threshold: 10), AlertTransitionKind.Fired, At(0))]);

        Assert.Empty(tracker.Settle(At(1), Values(Metric.CpuIdlePct, 40)));
        Assert.Equal(AlertOutcome.CameTrue, Assert.Single(tracker.Settle(At(2), Values(Metric.CpuIdlePct, 9))).Outcome);
    }

    [Fact]
    public void Settle_IncidentOfSeveralMetrics_CameTrueWhenAnyPredictedCrossingHappens()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        var incident = Alert() with
        {
            Metrics =
            [
                new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Likely, 98, 98.5, 35),
                new AlertMetricFinding(Metric.CpuIdlePct, AlertSeverity.Critical, AlertLikelihood.Likely, 10, 8, 50),
                new AlertMetricFinding(Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Likely, 25, 30, 20),
            ],
        };
        var opened = Assert.Single(tracker.Open([new AlertTransition(incident, AlertTransitionKind.Fired, At(0))]));

        var neither = tracker.Settle(At(1), _ => TestMetrics.Healthy().With(Metric.SwapUsedPct, 40));
        var idleCrossed = tracker.Settle(At(2), _ => TestMetrics.Healthy().With(Metric.CpuIdlePct, 9));

        Assert.Equal([Metric.MemUsedPct, Metric.CpuIdlePct], opened.Claims.Select(c => c.Metric));
        Assert.Empty(neither);
        var settled = Assert.Single(idleCrossed);
        Assert.Equal((AlertOutcome.CameTrue, Metric.CpuIdlePct, At(0)), (settled.Outcome, settled.Metric, settled.StartedAt));
        Assert.Equal(0, tracker.OpenCount);
    }

    [Fact]
    public void Open_HeadlineAlreadyOverItsThresholdBesideAPredictedMetric_ClaimsOnlyThePredictedOne()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        var incident = Alert(likelihood: AlertLikelihood.Now) with
        {
            Metrics =
            [
                new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Now, 98, 99, 0),
                new AlertMetricFinding(Metric.CpuIdlePct, AlertSeverity.Critical, AlertLikelihood.Possible, 10, 8, 15),
            ],
        };

        var opened = Assert.Single(tracker.Open([new AlertTransition(incident, AlertTransitionKind.Fired, At(0))]));

        Assert.Equal((Metric.CpuIdlePct, 10.0), (opened.Metric, opened.Threshold));
        Assert.Equal([new AlertClaim(Metric.CpuIdlePct, 10)], opened.Claims);
    }

    [Fact]
    public void Settle_ServerNotSeenThisStep_StaysOpenUntilItsDeadline()
    {
        var restored = new AlertPrediction("ppdb003", Metric.MemUsedPct, At(0), AlertSeverity.Critical, 98, At(10));
        var tracker = new AlertOutcomeTracker(Horizon, [restored], [new AlertOutcomeCounts(AlertSeverity.Critical, 5, 1, 3, 1)]);

        Assert.Empty(tracker.Settle(At(9), _ => null));
        Assert.Equal(AlertOutcome.DidNotHappen, Assert.Single(tracker.Settle(At(11), _ => null)).Outcome);
        Assert.Equal((5, 0, 3, 2), (tracker.Counts[1].Predicted, tracker.Counts[1].Open, tracker.Counts[1].CameTrue, tracker.Counts[1].DidNotHappen));
    }
}
