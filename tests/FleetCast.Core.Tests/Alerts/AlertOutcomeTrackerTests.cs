using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Tests.Shared;
using FleetCast.Core.Windows;

namespace FleetCast.Core.Tests.Alerts;

public sealed class AlertOutcomeTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(8);

    private static DateTimeOffset At(int step) => T0.AddMinutes(5 * step);

    private static ActiveAlert Alert(AlertSeverity severity = AlertSeverity.Critical, AlertLikelihood likelihood = AlertLikelihood.Likely, double threshold = 98, Metric metric = Metric.MemUsedPct) =>
        new("ppdb003", new AlertMetricFinding(metric, severity, likelihood, threshold, threshold + 0.5, 35), At(0), At(0));

    private static Func<string, ServerWindow?> Values(int step, Metric metric, double value) => Current(step, TestMetrics.Healthy().With(metric, value));

    /// <summary>The server's window holding only <paramref name="values"/>, at <paramref name="step"/>.</summary>
    private static Func<string, ServerWindow?> Current(int step, double[] values) => _ => Window(step, values);

    /// <summary>A window of consecutive steps, oldest first, the newest at <paramref name="lastStep"/>.</summary>
    private static ServerWindow Window(int lastStep, params double[][] steps) =>
        new("ppdb003", ServerProfile.Database, At(lastStep), 300, [.. steps.SelectMany(s => s.Select(v => (float)v))], [.. Enumerable.Repeat(true, MetricCatalog.Count)]);

    [Fact]
    public void Settle_PredictedCrossingHappensBeforeTheDeadline_CameTrueAtThatStep()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        var opened = tracker.Open([new AlertTransition(Alert(), AlertTransitionKind.Fired, At(0))]);

        var before = tracker.Settle(At(3), Values(3, Metric.MemUsedPct, 95));
        var crossed = tracker.Settle(At(7), Values(7, Metric.MemUsedPct, 98.2));

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

        var atDeadline = tracker.Settle(At(96), Values(96, Metric.MemUsedPct, 90));
        var after = tracker.Settle(At(97), Values(97, Metric.MemUsedPct, 90));

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
        var warningLevel = tracker.Settle(At(5), Values(5, Metric.MemUsedPct, 93));

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

        Assert.Empty(tracker.Settle(At(1), Values(1, Metric.CpuIdlePct, 40)));
        Assert.Equal(AlertOutcome.CameTrue, Assert.Single(tracker.Settle(At(2), Values(2, Metric.CpuIdlePct, 9))).Outcome);
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

        var neither = tracker.Settle(At(1), Current(1, TestMetrics.Healthy().With(Metric.SwapUsedPct, 40)));
        var idleCrossed = tracker.Settle(At(2), Current(2, TestMetrics.Healthy().With(Metric.CpuIdlePct, 9)));

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

    [Fact]
    public void Settle_ClaimReachedAtTheStepItsIncidentEscalates_CameTrueAndTheEscalationClaimsNothing()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Warning, AlertLikelihood.Possible, threshold: 90), AlertTransitionKind.Fired, At(0))]);
        var escalated = Alert(AlertSeverity.Critical, AlertLikelihood.Now) with
        {
            Metrics =
            [
                new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Now, 98, 99.45, 0),
                new AlertMetricFinding(Metric.CpuUserPct, AlertSeverity.Critical, AlertLikelihood.Possible, 95, 96, 20),
            ],
        };

        // The engine's order: this step's values settle the open claim before its transitions open claims.
        var settled = tracker.Settle(At(4), Values(4, Metric.MemUsedPct, 99.45));
        var opened = tracker.Open([new AlertTransition(escalated, AlertTransitionKind.SeverityChanged, At(4)) { PreviousSeverity = AlertSeverity.Warning }]);
        var later = tracker.Settle(At(200), Values(200, Metric.MemUsedPct, 50));

        var outcome = Assert.Single(settled);
        Assert.Equal((AlertOutcome.CameTrue, AlertSeverity.Warning, Metric.MemUsedPct, At(4)), (outcome.Outcome, outcome.Severity, outcome.Metric, outcome.At));
        Assert.Empty(opened);
        Assert.Empty(later);
        Assert.Equal(0, tracker.OpenCount);
        Assert.Equal(new AlertOutcomeCounts(AlertSeverity.Warning, 1, 0, 1, 0), tracker.Counts[(int)AlertSeverity.Warning]);
        Assert.Equal(new AlertOutcomeCounts(AlertSeverity.Critical, 0, 0, 0, 0), tracker.Counts[(int)AlertSeverity.Critical]);
    }

    [Fact]
    public void Open_SettledIncidentDeEscalatesAndEscalatesAgain_KeepsItsOneOutcome()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Critical, AlertLikelihood.Possible), AlertTransitionKind.Fired, At(0))]);
        tracker.Settle(At(1), Values(1, Metric.MemUsedPct, 98.5));
        var warning = Alert(AlertSeverity.Warning, AlertLikelihood.Now, threshold: 90);

        var deEscalated = tracker.Open([new AlertTransition(warning, AlertTransitionKind.SeverityChanged, At(5)) { PreviousSeverity = AlertSeverity.Critical }]);
        var escalated = tracker.Open([new AlertTransition(Alert(), AlertTransitionKind.SeverityChanged, At(9)) { PreviousSeverity = AlertSeverity.Warning }]);

        Assert.Empty(deEscalated);
        Assert.Empty(escalated);
        Assert.Equal(0, tracker.OpenCount);
        Assert.Equal(new AlertOutcomeCounts(AlertSeverity.Critical, 1, 0, 1, 0), tracker.Counts[(int)AlertSeverity.Critical]);
    }

    [Fact]
    public void Open_IncidentWhoseClaimSettledBeforeARestart_EscalationClaimsNothing()
    {
        var counts = new AlertOutcomeCounts(AlertSeverity.Warning, 1, 0, 0, 1);
        var tracker = new AlertOutcomeTracker(Horizon, [], [counts], [("ppdb003", At(0))]);

        var opened = tracker.Open([new AlertTransition(Alert(), AlertTransitionKind.SeverityChanged, At(100)) { PreviousSeverity = AlertSeverity.Warning }]);

        Assert.Empty(opened);
        Assert.Equal(counts, tracker.Counts[(int)AlertSeverity.Warning]);
        Assert.Equal(0, tracker.Counts[(int)AlertSeverity.Critical].Predicted);
    }

    [Fact]
    public void Settle_CrossingAtAStepTheEngineSkipped_CameTrueAtThatStep()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Warning, AlertLikelihood.Possible, threshold: 90), AlertTransitionKind.Fired, At(0))]);
        var healthy = TestMetrics.Healthy();
        var window = Window(4, healthy, healthy.With(Metric.MemUsedPct, 89), healthy.With(Metric.MemUsedPct, 90.5), healthy.With(Metric.MemUsedPct, 91), healthy.With(Metric.MemUsedPct, 88));

        var first = tracker.Settle(At(1), Current(1, healthy.With(Metric.MemUsedPct, 89)));
        var skipped = tracker.Settle(At(4), _ => window);

        Assert.Empty(first);
        var settled = Assert.Single(skipped);
        Assert.Equal((AlertOutcome.CameTrue, At(2)), (settled.Outcome, settled.At));
    }

    [Fact]
    public void Settle_CrossingsBeforeTheClaimOrAfterItsDeadline_DoNotCount()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Warning, AlertLikelihood.Possible, threshold: 90), AlertTransitionKind.Fired, At(2))]);
        var healthy = TestMetrics.Healthy();
        var over = healthy.With(Metric.MemUsedPct, 95);

        // Steps 0..3: over before the claim was made (step 2), under after it.
        var beforeClaim = tracker.Settle(At(3), _ => Window(3, over, over, over, healthy));
        // Steps 97..99: the deadline is step 98; the only crossing comes after it.
        var afterDeadline = tracker.Settle(At(99), _ => Window(99, healthy, healthy, over));

        Assert.Empty(beforeClaim);
        var settled = Assert.Single(afterDeadline);
        Assert.Equal((AlertOutcome.DidNotHappen, At(99)), (settled.Outcome, settled.At));
    }

    [Fact]
    public void Settle_CrossingAtTheDeadlineSeenAfterIt_CameTrueAtTheDeadline()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Warning, AlertLikelihood.Possible, threshold: 90), AlertTransitionKind.Fired, At(0))]);
        var healthy = TestMetrics.Healthy();

        // Steps 96..98: at or beyond the threshold at the deadline (step 96) only.
        var settled = tracker.Settle(At(98), _ => Window(98, healthy.With(Metric.MemUsedPct, 90), healthy, healthy));

        Assert.Equal((AlertOutcome.CameTrue, At(96)), (Assert.Single(settled).Outcome, settled[0].At));
    }

    [Fact]
    public void Settle_StepsAlreadySettled_AreNotReadAgain()
    {
        var tracker = new AlertOutcomeTracker(Horizon);
        tracker.Open([new AlertTransition(Alert(AlertSeverity.Warning, AlertLikelihood.Possible, threshold: 90), AlertTransitionKind.Fired, At(0))]);
        var healthy = TestMetrics.Healthy();
        var over = healthy.With(Metric.MemUsedPct, 95);

        // A late sample changed step 1 after it was settled: the next step does not read it again.
        var first = tracker.Settle(At(1), Current(1, healthy));
        var second = tracker.Settle(At(2), _ => Window(2, over, healthy));

        Assert.Empty(first);
        Assert.Empty(second);
    }
}
