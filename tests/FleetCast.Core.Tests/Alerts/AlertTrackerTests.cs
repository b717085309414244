using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Tests.Shared;

namespace FleetCast.Core.Tests.Alerts;

public sealed class AlertTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int step) => T0.AddMinutes(5 * step);

    private static AlertCandidate Candidate(string server = "ppdb003", Metric metric = Metric.MemUsedPct, AlertSeverity severity = AlertSeverity.Critical,
        AlertLikelihood likelihood = AlertLikelihood.Likely, double value = 98.6, double minutes = 35) =>
        new(server, metric, severity, likelihood, 98, value, (int)(minutes / 5), minutes);

    private static readonly string[] Db3 = ["ppdb003"];

    [Fact]
    public void Update_CandidateWithFireAfterOne_FiresAtOnce()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);

        var transitions = tracker.Update(At(0), Db3, [Candidate()]);

        var fired = Assert.Single(transitions);
        Assert.Equal(AlertTransitionKind.Fired, fired.Kind);
        Assert.Equal(At(0), fired.At);
        Assert.Equal(At(0), fired.Alert.StartedAt);
        Assert.Null(fired.Duration);
        var active = Assert.Single(tracker.Active);
        Assert.Equal(new AlertKey("ppdb003"), active.Key);
    }

    [Fact]
    public void Update_FireAfterTwo_FiresOnSecondSightingWithStartOfFirst()
    {
        var tracker = new AlertTracker(new AlertRuleOptions { FireAfterEvaluations = 2 });

        var first = tracker.Update(At(0), Db3, [Candidate()]);
        var second = tracker.Update(At(1), Db3, [Candidate()]);

        Assert.Empty(first);
        var fired = Assert.Single(second);
        Assert.Equal(At(1), fired.At);
        Assert.Equal(At(0), fired.Alert.StartedAt);
    }

    [Fact]
    public void Update_FireAfterTwoWithGap_DoesNotFire()
    {
        var tracker = new AlertTracker(new AlertRuleOptions { FireAfterEvaluations = 2 });

        tracker.Update(At(0), Db3, [Candidate()]);
        tracker.Update(At(1), Db3, []);
        var third = tracker.Update(At(2), Db3, [Candidate()]);

        Assert.Empty(third);
        Assert.Empty(tracker.Active);
    }

    [Fact]
    public void Update_WhileFiring_RefreshesWithoutNewTransitions()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate(likelihood: AlertLikelihood.Possible, value: 98.2, minutes: 60)]);

        var transitions = tracker.Update(At(1), Db3, [Candidate(likelihood: AlertLikelihood.Now, value: 99.1, minutes: 0)]);

        Assert.Empty(transitions);
        var alert = Assert.Single(tracker.Active);
        Assert.Equal(AlertLikelihood.Now, alert.Headline.Likelihood);
        Assert.Equal(99.1, alert.Headline.PredictedValue);
        Assert.Equal(0, alert.Headline.MinutesAhead);
        Assert.Equal(At(0), alert.StartedAt);
        Assert.Equal(At(1), alert.LastEvaluatedAt);
    }

    [Fact]
    public void Update_MissingFewerThanResolveAfter_KeepsFiringAndResetsOnReturn()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate()]);

        Assert.Empty(tracker.Update(At(1), Db3, []));
        Assert.Empty(tracker.Update(At(2), Db3, []));
        Assert.Empty(tracker.Update(At(3), Db3, [Candidate()]));
        Assert.Empty(tracker.Update(At(4), Db3, []));
        Assert.Empty(tracker.Update(At(5), Db3, []));

        Assert.Single(tracker.Active);
    }

    [Fact]
    public void Update_MissingResolveAfterTimes_ResolvesWithDuration()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate()]);
        tracker.Update(At(1), Db3, []);
        tracker.Update(At(2), Db3, []);

        var transitions = tracker.Update(At(3), Db3, []);

        var resolved = Assert.Single(transitions);
        Assert.Equal(AlertTransitionKind.Resolved, resolved.Kind);
        Assert.Equal(At(3), resolved.At);
        Assert.Equal(TimeSpan.FromMinutes(15), resolved.Duration);
        Assert.Empty(tracker.Active);
    }

    [Fact]
    public void Update_ServerNotEvaluated_LeavesItsAlertsUntouched()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate()]);

        for (var step = 1; step <= 5; step++)
        {
            Assert.Empty(tracker.Update(At(step), ["ppweb001"], []));
        }

        var alert = Assert.Single(tracker.Active);
        Assert.Equal(At(0), alert.LastEvaluatedAt);
    }

    [Fact]
    public void Update_StaleEvaluationsDoNotCountTowardsResolve()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate()]);
        tracker.Update(At(1), Db3, []);
        tracker.Update(At(2), [], []);
        tracker.Update(At(3), Db3, []);

        Assert.Single(tracker.Active);
        Assert.Single(tracker.Update(At(4), Db3, []));
    }

    [Fact]
    public void Constructor_RestoredAlerts_AreActiveAndResolveNormally()
    {
        var restored = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 25, 30, 0), T0.AddHours(-1), T0.AddMinutes(-5));
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce, [restored]);

        Assert.Equal(restored, Assert.Single(tracker.Active));
        Assert.Empty(tracker.Update(At(0), Db3, [Candidate(metric: Metric.SwapUsedPct, severity: AlertSeverity.Warning)]));
        tracker.Update(At(1), Db3, []);
        tracker.Update(At(2), Db3, []);
        var resolved = Assert.Single(tracker.Update(At(3), Db3, []));

        Assert.Equal(TimeSpan.FromMinutes(75), resolved.Duration);
    }

    [Fact]
    public void Update_ManyServers_ReturnsOneIncidentPerServerInServerOrder()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        AlertCandidate[] candidates =
        [
            Candidate("ppweb001", Metric.MemUsedPct, AlertSeverity.Critical),
            Candidate("ppdb003", Metric.SwapUsedPct, AlertSeverity.Warning),
            Candidate("ppweb001", Metric.MemUsedPct, AlertSeverity.Warning),
            Candidate("ppdb003", Metric.CpuUserPct, AlertSeverity.Critical),
        ];

        var transitions = tracker.Update(At(0), ["ppdb003", "ppweb001"], candidates);

        string[] expected = ["ppdb003", "ppweb001"];
        Assert.Equal(expected, transitions.Select(t => t.Alert.Key.ToString()).ToArray());
        Assert.Equal(expected, tracker.Active.Select(a => a.Key.ToString()).ToArray());
        Assert.Equal(AlertSeverity.Critical, tracker.Active.Single(a => a.Server == "ppweb001").Headline.Severity);
        var db3 = tracker.Active.Single(a => a.Server == "ppdb003");
        Assert.Equal((Metric.CpuUserPct, AlertSeverity.Critical), (db3.Headline.Metric, db3.Headline.Severity));
        Assert.Equal([Metric.CpuUserPct, Metric.SwapUsedPct], db3.Metrics.Select(m => m.Metric));
    }

    [Fact]
    public void Update_CriticalFoundWhileWarningFires_EscalatesInPlaceKeepingTheStart()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate(severity: AlertSeverity.Warning)]);

        var transitions = tracker.Update(At(1), Db3, [Candidate(severity: AlertSeverity.Critical, minutes: 20)]);

        var changed = Assert.Single(transitions);
        Assert.Equal(AlertTransitionKind.SeverityChanged, changed.Kind);
        Assert.Equal(AlertSeverity.Warning, changed.PreviousSeverity);
        var active = Assert.Single(tracker.Active);
        Assert.Equal((AlertSeverity.Critical, At(0), 20.0), (active.Headline.Severity, active.StartedAt, active.Headline.MinutesAhead));
    }

    [Fact]
    public void Update_OnlyWarningFoundWhileCriticalFires_DeescalatesAfterResolveHysteresis()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce with { ResolveAfterEvaluations = 3 });
        tracker.Update(At(0), Db3, [Candidate(severity: AlertSeverity.Critical)]);

        var first = tracker.Update(At(1), Db3, [Candidate(severity: AlertSeverity.Warning)]);
        var second = tracker.Update(At(2), Db3, [Candidate(severity: AlertSeverity.Warning)]);
        Assert.Equal(AlertSeverity.Critical, Assert.Single(tracker.Active).Headline.Severity);
        var third = tracker.Update(At(3), Db3, [Candidate(severity: AlertSeverity.Warning)]);

        Assert.Empty(first);
        Assert.Empty(second);
        var changed = Assert.Single(third);
        Assert.Equal((AlertTransitionKind.SeverityChanged, AlertSeverity.Critical), (changed.Kind, changed.PreviousSeverity));
        Assert.Equal((AlertSeverity.Warning, At(0)), (Assert.Single(tracker.Active).Headline.Severity, tracker.Active.Single().StartedAt));
    }

    [Fact]
    public void Update_CriticalReturnsDuringDeescalationCount_StaysCriticalWithoutTransitions()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce with { ResolveAfterEvaluations = 2 });
        tracker.Update(At(0), Db3, [Candidate(severity: AlertSeverity.Critical)]);

        var transitions = new[]
        {
            tracker.Update(At(1), Db3, [Candidate(severity: AlertSeverity.Warning)]),
            tracker.Update(At(2), Db3, [Candidate(severity: AlertSeverity.Critical)]),
            tracker.Update(At(3), Db3, [Candidate(severity: AlertSeverity.Warning)]),
        };

        Assert.All(transitions, Assert.Empty);
        Assert.Equal(AlertSeverity.Critical, Assert.Single(tracker.Active).Headline.Severity);
    }

    [Fact]
    public void Constructor_RestoredWarningAndCriticalOfOneMetric_KeepsTheCriticalWithTheEarliestStart()
    {
        var warning = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 95, 96, 0), At(0), At(4));
        var critical = warning with { Headline = warning.Headline with { Severity = AlertSeverity.Critical, Threshold = 99 }, StartedAt = At(3) };

        var tracker = new AlertTracker(TestAlertRules.FireAtOnce, [critical, warning]);

        var kept = Assert.Single(tracker.Active);
        Assert.Equal((AlertSeverity.Critical, 99.0, At(0)), (kept.Headline.Severity, kept.Headline.Threshold, kept.StartedAt));
    }

    [Fact]
    public void Update_DuplicateCandidatesForOneKey_KeepsTheMostUrgent()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);

        var transitions = tracker.Update(At(0), Db3,
        [
            Candidate(likelihood: AlertLikelihood.Possible, minutes: 20),
            Candidate(likelihood: AlertLikelihood.Likely, minutes: 50),
            Candidate(likelihood: AlertLikelihood.Likely, minutes: 40),
        ]);

        var fired = Assert.Single(transitions);
        Assert.Equal((AlertLikelihood.Likely, 40.0), (fired.Alert.Headline.Likelihood, fired.Alert.Headline.MinutesAhead));
    }

    [Fact]
    public void Update_CandidateOfServerLeftOutOfEvaluated_CountsAsEvaluated()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);

        var transitions = tracker.Update(At(0), [], [Candidate()]);

        Assert.Single(transitions);
    }

    [Fact]
    public void Update_FourMetricsOfOneServerCrossing_FiresOneAlertListingTheFour()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);

        var transitions = tracker.Update(At(0), Db3,
        [
            Candidate(metric: Metric.CpuIdlePct, severity: AlertSeverity.Warning, minutes: 20),
            Candidate(metric: Metric.MemUsedPct, severity: AlertSeverity.Critical, minutes: 30),
            Candidate(metric: Metric.SwapUsedPct, severity: AlertSeverity.Warning, likelihood: AlertLikelihood.Now, minutes: 0),
            Candidate(metric: Metric.JavaCpuPct, severity: AlertSeverity.Critical, minutes: 15),
        ]);

        var fired = Assert.Single(transitions);
        Assert.Equal(AlertTransitionKind.Fired, fired.Kind);
        var alert = Assert.Single(tracker.Active);
        Assert.Equal((Metric.JavaCpuPct, AlertSeverity.Critical, 15.0), (alert.Headline.Metric, alert.Headline.Severity, alert.Headline.MinutesAhead));
        Metric[] byUrgency = [Metric.JavaCpuPct, Metric.MemUsedPct, Metric.SwapUsedPct, Metric.CpuIdlePct];
        Assert.Equal(byUrgency, alert.Metrics.Select(m => m.Metric));
        Assert.Equal(byUrgency, alert.SeenMetrics);
        Assert.Equal(alert.Headline, alert.Metrics[0]);
    }

    [Fact]
    public void Update_CriticalOnAnotherMetricWhileWarningFires_EscalatesTheSameLifecycle()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate(metric: Metric.CpuIdlePct, severity: AlertSeverity.Warning)]);

        var transitions = tracker.Update(At(1), Db3,
        [
            Candidate(metric: Metric.CpuIdlePct, severity: AlertSeverity.Warning),
            Candidate(metric: Metric.MemUsedPct, severity: AlertSeverity.Critical, minutes: 15),
        ]);

        var changed = Assert.Single(transitions);
        Assert.Equal((AlertTransitionKind.SeverityChanged, AlertSeverity.Warning), (changed.Kind, changed.PreviousSeverity));
        var alert = Assert.Single(tracker.Active);
        Assert.Equal((Metric.MemUsedPct, AlertSeverity.Critical, At(0)), (alert.Headline.Metric, alert.Headline.Severity, alert.StartedAt));
        Assert.Equal([Metric.MemUsedPct, Metric.CpuIdlePct], alert.Metrics.Select(m => m.Metric));
    }

    [Fact]
    public void Update_OtherMetricsComeAndGoWhileFiring_NoSecondAlertAndEveryMetricSeenIsListed()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce);
        tracker.Update(At(0), Db3, [Candidate(metric: Metric.MemUsedPct)]);

        var joined = tracker.Update(At(1), Db3, [Candidate(metric: Metric.MemUsedPct), Candidate(metric: Metric.SwapUsedPct, minutes: 50)]);
        var left = tracker.Update(At(2), Db3, [Candidate(metric: Metric.SwapUsedPct, minutes: 50)]);

        Assert.Empty(joined);
        Assert.Empty(left);
        var alert = Assert.Single(tracker.Active);
        Assert.Equal(At(0), alert.StartedAt);
        Assert.Equal(Metric.SwapUsedPct, alert.Headline.Metric);
        Assert.Equal([Metric.SwapUsedPct], alert.Metrics.Select(m => m.Metric));
        Assert.Equal([Metric.SwapUsedPct, Metric.MemUsedPct], alert.SeenMetrics);
    }

    [Fact]
    public void Update_NoMetricOfTheServerFoundForResolveCount_ResolvesTheIncidentOnce()
    {
        var tracker = new AlertTracker(TestAlertRules.FireAtOnce with { ResolveAfterEvaluations = 2 });
        tracker.Update(At(0), Db3, [Candidate(metric: Metric.MemUsedPct), Candidate(metric: Metric.CpuIdlePct)]);

        var oneLeft = tracker.Update(At(1), Db3, [Candidate(metric: Metric.CpuIdlePct)]);
        var firstMiss = tracker.Update(At(2), Db3, []);
        var secondMiss = tracker.Update(At(3), Db3, []);

        Assert.Empty(oneLeft);
        Assert.Empty(firstMiss);
        var resolved = Assert.Single(secondMiss);
        Assert.Equal((AlertTransitionKind.Resolved, TimeSpan.FromMinutes(15)), (resolved.Kind, resolved.Duration));
        Assert.Equal([Metric.CpuIdlePct, Metric.MemUsedPct], resolved.Alert.SeenMetrics);
        Assert.Empty(tracker.Active);
    }

    [Fact]
    public void Update_FireAfterTwoWithDifferentMetricsOfOneServer_FiresOnTheSecondSighting()
    {
        var tracker = new AlertTracker(new AlertRuleOptions { FireAfterEvaluations = 2 });

        var first = tracker.Update(At(0), Db3, [Candidate(metric: Metric.CpuIdlePct)]);
        var second = tracker.Update(At(1), Db3, [Candidate(metric: Metric.MemUsedPct)]);

        Assert.Empty(first);
        var fired = Assert.Single(second);
        Assert.Equal((At(0), Metric.MemUsedPct), (fired.Alert.StartedAt, fired.Alert.Headline.Metric));
        Assert.Equal([Metric.MemUsedPct, Metric.CpuIdlePct], fired.Alert.SeenMetrics);
    }

    [Fact]
    public void Constructor_RestoredAlertsOfSeveralMetricsOfOneServer_MergesIntoOneIncident()
    {
        var cpu = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.CpuIdlePct, AlertSeverity.Critical, AlertLikelihood.Likely, 10, 8, 30), At(2), At(5));
        var mem = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 95, 96, 0), At(0), At(5));
        var web = new ActiveAlert("ppweb001", new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 95, 96, 0), At(1), At(5));

        var tracker = new AlertTracker(TestAlertRules.FireAtOnce, [cpu, mem, web]);

        Assert.Equal(["ppdb003", "ppweb001"], tracker.Active.Select(a => a.Server));
        var merged = tracker.Active.First();
        Assert.Equal((Metric.CpuIdlePct, AlertSeverity.Critical, At(0)), (merged.Headline.Metric, merged.Headline.Severity, merged.StartedAt));
        Assert.Equal([Metric.CpuIdlePct, Metric.MemUsedPct], merged.SeenMetrics);
        Assert.Empty(tracker.Update(At(6), Db3, [Candidate(metric: Metric.MemUsedPct, severity: AlertSeverity.Critical)]));
        Assert.Equal(At(0), tracker.Active.First().StartedAt);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 0)]
    public void Constructor_NonPositiveCounts_ThrowsNamingTheOption(int fireAfter, int resolveAfter)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new AlertTracker(new AlertRuleOptions { FireAfterEvaluations = fireAfter, ResolveAfterEvaluations = resolveAfter }));

        Assert.Contains(fireAfter == 0 ? "FireAfterEvaluations" : "ResolveAfterEvaluations", error.Message);
    }
}
