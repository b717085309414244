using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

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
        var tracker = new AlertTracker(AlertRuleOptions.Default);

        var transitions = tracker.Update(At(0), Db3, [Candidate()]);

        var fired = Assert.Single(transitions);
        Assert.Equal(AlertTransitionKind.Fired, fired.Kind);
        Assert.Equal(At(0), fired.At);
        Assert.Equal(At(0), fired.Alert.StartedAt);
        Assert.Null(fired.Duration);
        var active = Assert.Single(tracker.Active);
        Assert.Equal(new AlertKey("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical), active.Key);
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
        var tracker = new AlertTracker(AlertRuleOptions.Default);
        tracker.Update(At(0), Db3, [Candidate(likelihood: AlertLikelihood.Possible, value: 98.2, minutes: 60)]);

        var transitions = tracker.Update(At(1), Db3, [Candidate(likelihood: AlertLikelihood.Now, value: 99.1, minutes: 0)]);

        Assert.Empty(transitions);
        var alert = Assert.Single(tracker.Active);
        Assert.Equal(AlertLikelihood.Now, alert.Likelihood);
        Assert.Equal(99.1, alert.PredictedValue);
        Assert.Equal(0, alert.MinutesAhead);
        Assert.Equal(At(0), alert.StartedAt);
        Assert.Equal(At(1), alert.LastEvaluatedAt);
    }

    [Fact]
    public void Update_MissingFewerThanResolveAfter_KeepsFiringAndResetsOnReturn()
    {
        var tracker = new AlertTracker(AlertRuleOptions.Default);
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
        var tracker = new AlertTracker(AlertRuleOptions.Default);
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
        var tracker = new AlertTracker(AlertRuleOptions.Default);
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
        var tracker = new AlertTracker(AlertRuleOptions.Default);
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
        var restored = new ActiveAlert("ppdb003", Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 25, 30, 0, T0.AddHours(-1), T0.AddMinutes(-5));
        var tracker = new AlertTracker(AlertRuleOptions.Default, [restored]);

        Assert.Equal(restored, Assert.Single(tracker.Active));
        Assert.Empty(tracker.Update(At(0), Db3, [Candidate(metric: Metric.SwapUsedPct, severity: AlertSeverity.Warning)]));
        tracker.Update(At(1), Db3, []);
        tracker.Update(At(2), Db3, []);
        var resolved = Assert.Single(tracker.Update(At(3), Db3, []));

        Assert.Equal(TimeSpan.FromMinutes(75), resolved.Duration);
    }

    [Fact]
    public void Update_ManyKeys_ReturnsTransitionsAndActiveInServerMetricSeverityOrder()
    {
        var tracker = new AlertTracker(AlertRuleOptions.Default);
        AlertCandidate[] candidates =
        [
            Candidate("ppweb001", Metric.MemUsedPct, AlertSeverity.Critical),
            Candidate("ppdb003", Metric.SwapUsedPct, AlertSeverity.Warning),
            Candidate("ppweb001", Metric.MemUsedPct, AlertSeverity.Warning),
            Candidate("ppdb003", Metric.CpuUserPct, AlertSeverity.Critical),
        ];

        var transitions = tracker.Update(At(0), ["ppdb003", "ppweb001"], candidates);

        string[] expected = ["ppdb003/cpu_user_pct/critical", "ppdb003/swap_used_pct/warning", "ppweb001/mem_used_pct/warning", "ppweb001/mem_used_pct/critical"];
        Assert.Equal(expected, transitions.Select(t => t.Alert.Key.ToString()).ToArray());
        Assert.Equal(expected, tracker.Active.Select(a => a.Key.ToString()).ToArray());
    }

    [Fact]
    public void Update_DuplicateCandidatesForOneKey_KeepsTheMostUrgent()
    {
        var tracker = new AlertTracker(AlertRuleOptions.Default);

        var transitions = tracker.Update(At(0), Db3,
        [
            Candidate(likelihood: AlertLikelihood.Possible, minutes: 20),
            Candidate(likelihood: AlertLikelihood.Likely, minutes: 50),
            Candidate(likelihood: AlertLikelihood.Likely, minutes: 40),
        ]);

        var fired = Assert.Single(transitions);
        Assert.Equal((AlertLikelihood.Likely, 40.0), (fired.Alert.Likelihood, fired.Alert.MinutesAhead));
    }

    [Fact]
    public void Update_CandidateOfServerLeftOutOfEvaluated_CountsAsEvaluated()
    {
        var tracker = new AlertTracker(AlertRuleOptions.Default);

        var transitions = tracker.Update(At(0), [], [Candidate()]);

        Assert.Single(transitions);
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
