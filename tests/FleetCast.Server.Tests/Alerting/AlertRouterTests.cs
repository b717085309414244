using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Alerting;

/// <summary>Planning with a fake wall clock: grouping, keep-alive re-sends, reminders and mutes.</summary>
public sealed class AlertRouterTests
{
    private static readonly IReadOnlyDictionary<string, ServerProfile> Profiles = new Dictionary<string, ServerProfile> { ["ppdb003"] = ServerProfile.Database };
    private static readonly IReadOnlySet<string> NoneBusy = new HashSet<string>();

    private readonly FakeTimeProvider _time = new(TestNotices.WallNow);
    private readonly FakeAlertMutes _mutes = new();
    private readonly FiringState _state = new([]);

    [Fact]
    public void Plan_IncidentOfTwoMetrics_OneNoticePerRouteListingBoth()
    {
        // Arrange
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"), TestAlerts.Route("chat", "slack", "http://127.0.0.1:9/s"),
            TestAlerts.Route("hook", "webhook", "http://127.0.0.1:9/h"));
        var transitions = new[] { TestAlerts.Fired(TestAlerts.Incident("ppdb003", Metric.MemUsedPct, Metric.CpuUserPct)) };

        // Act
        var messages = router.Plan(transitions, Profiles, _state);

        // Assert
        Assert.Equal(["am", "chat", "hook"], messages.Select(m => m.Destination));
        Assert.All(messages, m => Assert.Equal(["mem_used_pct", "cpu_user_pct"], Assert.Single(Read(m).Notices).MetricNames));
        Assert.Equal("ppdb003: mem_used_pct, cpu_user_pct predicted critical in 35 min (critical)", messages[0].Summary);
        Assert.Equal(3, _state.Entries.Count);
        Assert.All(_state.Entries, e => Assert.Equal((TestNotices.WallNow, TestNotices.WallNow), (e.FirstSentAt, e.LastSentAt)));
    }

    [Fact]
    public void Plan_EscalationWithANewHeadlineMetric_ResolvesWhatWasSentAndFiresOneAlertUnderTheNewLabels()
    {
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        var warning = TestAlerts.Alert(metric: Metric.SwapUsedPct, severity: AlertSeverity.Warning);
        router.Plan([TestAlerts.Fired(warning)], Profiles, _state);
        var escalated = TestAlerts.Incident("ppdb003", Metric.MemUsedPct, Metric.SwapUsedPct);

        var messages = router.Plan([new AlertTransition(escalated, AlertTransitionKind.SeverityChanged, warning.StartedAt.AddMinutes(5))
        {
            PreviousSeverity = AlertSeverity.Warning,
        }], Profiles, _state);
        var entries = _state.Entries;
        var resolved = router.Plan([TestAlerts.Resolved(escalated, TimeSpan.FromMinutes(30))], Profiles, _state);

        Assert.Equal([(false, Metric.SwapUsedPct, AlertSeverity.Warning), (true, Metric.MemUsedPct, AlertSeverity.Critical)],
            Read(Assert.Single(messages)).Notices.Select(n => (n.Firing, n.Metric, n.Severity)));
        Assert.Equal(["mem_used_pct", "swap_used_pct"], Assert.Single(entries).Notice.MetricNames);
        Assert.Equal([(false, Metric.MemUsedPct)], Read(Assert.Single(resolved)).Notices.Select(n => (n.Firing, n.Metric)));
        Assert.Empty(_state.Entries);
    }

    [Fact]
    public void PlanResends_AlertmanagerRoute_DueEveryResendIntervalKeepingFirstSentAt()
    {
        // Arrange
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        router.Plan([TestAlerts.Fired(TestAlerts.Alert())], Profiles, _state);

        // Act
        _time.Advance(TimeSpan.FromSeconds(59));
        var early = router.PlanResends(_state, NoneBusy);
        _time.Advance(TimeSpan.FromSeconds(1));
        var due = router.PlanResends(_state, NoneBusy);
        var again = router.PlanResends(_state, NoneBusy);

        // Assert
        Assert.Empty(early);
        var notice = Assert.Single(Read(Assert.Single(due)).Notices);
        Assert.True(notice.Repeat);
        Assert.True(notice.Firing);
        Assert.Equal(TestNotices.WallNow, notice.FirstSentAt);
        Assert.Empty(again);
        Assert.Equal(_time.GetUtcNow(), Assert.Single(_state.Entries).LastSentAt);
    }

    [Theory]
    [InlineData(null, 4 * 60)]
    [InlineData(30, 30)]
    public void PlanResends_SlackRoute_RepeatsAfterRepeatMinutes(int? repeatMinutes, int expectedMinutes)
    {
        var route = TestAlerts.Route("chat", "slack", "http://127.0.0.1:9/s");
        route.RepeatMinutes = repeatMinutes;
        var router = Router(route);
        router.Plan([TestAlerts.Fired(TestAlerts.Alert())], Profiles, _state);

        _time.Advance(TimeSpan.FromMinutes(expectedMinutes) - TimeSpan.FromSeconds(1));
        var early = router.PlanResends(_state, NoneBusy);
        _time.Advance(TimeSpan.FromSeconds(1));
        var due = router.PlanResends(_state, NoneBusy);

        Assert.Empty(early);
        Assert.True(Assert.Single(Read(Assert.Single(due)).Notices).Repeat);
    }

    [Fact]
    public void PlanResends_RepeatMinutesZero_NeverRepeats()
    {
        var route = TestAlerts.Route("hook", "webhook", "http://127.0.0.1:9/h");
        route.RepeatMinutes = 0;
        var router = Router(route);
        router.Plan([TestAlerts.Fired(TestAlerts.Alert())], Profiles, _state);

        _time.Advance(TimeSpan.FromDays(30));

        Assert.Empty(router.PlanResends(_state, NoneBusy));
    }

    [Fact]
    public void PlanResends_RouteWithPendingDeliveries_WaitsUntilItCaughtUp()
    {
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        router.Plan([TestAlerts.Fired(TestAlerts.Alert())], Profiles, _state);
        _time.Advance(TimeSpan.FromMinutes(5));

        var whileBusy = router.PlanResends(_state, new HashSet<string> { "am" });
        var afterwards = router.PlanResends(_state, NoneBusy);

        Assert.Empty(whileBusy);
        Assert.Single(afterwards);
    }

    [Fact]
    public void Plan_Resolved_SentWithTheFirstSentTimeAndForgotten()
    {
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        var alert = TestAlerts.Alert();
        router.Plan([TestAlerts.Fired(alert)], Profiles, _state);
        _time.Advance(TimeSpan.FromSeconds(8));

        var messages = router.Plan([TestAlerts.Resolved(alert, TimeSpan.FromMinutes(40))], Profiles, _state);

        var notice = Assert.Single(Read(Assert.Single(messages)).Notices);
        Assert.False(notice.Firing);
        Assert.Equal(TestNotices.WallNow, notice.FirstSentAt);
        Assert.Empty(_state.Entries);
    }

    [Fact]
    public void Plan_SilencedWhenFired_HeldBackThenSentOnceUnmuted()
    {
        // Arrange
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        _mutes.Servers.Add("ppdb003");

        // Act
        var fired = router.Plan([TestAlerts.Fired(TestAlerts.Alert())], Profiles, _state);
        _time.Advance(TimeSpan.FromMinutes(10));
        var whileMuted = router.PlanResends(_state, NoneBusy);
        _mutes.Servers.Clear();
        _time.Advance(TimeSpan.FromSeconds(1));
        var unmuted = router.PlanResends(_state, NoneBusy);

        // Assert
        Assert.Empty(fired);
        Assert.Empty(whileMuted);
        var notice = Assert.Single(Read(Assert.Single(unmuted)).Notices);
        Assert.False(notice.Repeat);
        Assert.Equal(_time.GetUtcNow(), notice.FirstSentAt);
    }

    [Fact]
    public void Plan_ResolvedWhileNeverSent_SendsNothing()
    {
        var router = Router(TestAlerts.Route("chat", "slack", "http://127.0.0.1:9/s"));
        var alert = TestAlerts.Alert();
        _mutes.Servers.Add("ppdb003");
        router.Plan([TestAlerts.Fired(alert)], Profiles, _state);
        _mutes.Servers.Clear();

        var resolved = router.Plan([TestAlerts.Resolved(alert, TimeSpan.FromMinutes(5))], Profiles, _state);

        Assert.Empty(resolved);
        Assert.Empty(_state.Entries);
    }

    [Fact]
    public void Plan_SeverityChanged_OldResolvedAndNewFiringInOneDelivery()
    {
        var router = Router(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        var warning = TestAlerts.Alert(severity: AlertSeverity.Warning);
        router.Plan([TestAlerts.Fired(warning)], Profiles, _state);
        var escalated = new AlertTransition(warning with { Headline = warning.Headline with { Severity = AlertSeverity.Critical } }, AlertTransitionKind.SeverityChanged, warning.StartedAt.AddMinutes(5))
        {
            PreviousSeverity = AlertSeverity.Warning,
        };

        var messages = router.Plan([escalated], Profiles, _state);

        Assert.Equal([(false, AlertSeverity.Warning), (true, AlertSeverity.Critical)],
            Read(Assert.Single(messages)).Notices.Select(n => (n.Firing, n.Severity)));
        Assert.Equal(AlertSeverity.Critical, Assert.Single(_state.Entries).Notice.Severity);
    }

    private static AlertNotification Read(OutboxMessage message)
    {
        Assert.True(AlertNotificationJson.TryRead(message.Payload, out var notification));
        return notification;
    }

    private AlertRouter Router(params AlertRouteOptions[] routes) =>
        AlertRouter.FromOptions(new AlertingOptions { Routes = [.. routes] }, _time, _mutes);
}
