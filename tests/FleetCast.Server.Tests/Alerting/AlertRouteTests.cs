using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Hosting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Alerting;

public sealed class AlertRouteTests
{
    [Fact]
    public void Matches_CriticalMinLevel_TakesCriticalOnly()
    {
        // Arrange
        var route = AlertRoute.Create(TestAlerts.Route("pager", "webhook", "https://hooks.example/x", minLevel: "critical"));

        // Act
        var critical = route.Matches(TestAlerts.Alert(severity: AlertSeverity.Critical), ServerProfile.Database);
        var warning = route.Matches(TestAlerts.Alert(severity: AlertSeverity.Warning), ServerProfile.Database);

        // Assert
        Assert.True(critical);
        Assert.False(warning);
    }

    [Fact]
    public void Matches_ProfileAndMetricFilters_TakesOnlyListedOnes()
    {
        // Arrange
        var route = AlertRoute.Create(TestAlerts.Route("db", "alertmanager", "http://am:9093", profiles: "database, web_api", metrics: "mem_used_pct"));

        // Act / Assert
        Assert.True(route.Matches(TestAlerts.Alert(metric: Metric.MemUsedPct), ServerProfile.WebApi));
        Assert.False(route.Matches(TestAlerts.Alert(metric: Metric.MemUsedPct), ServerProfile.MlCompute));
        Assert.False(route.Matches(TestAlerts.Alert(metric: Metric.CpuUserPct), ServerProfile.Database));
        Assert.False(route.Matches(TestAlerts.Alert(metric: Metric.MemUsedPct), null));
        Assert.Equal(["database", "web_api"], route.Profiles);
        Assert.Equal(["mem_used_pct"], route.Metrics);
    }

    [Fact]
    public void Matches_NoFilters_TakesUnknownProfileToo()
    {
        var route = AlertRoute.Create(TestAlerts.Route("all", "webhook", "http://127.0.0.1:9/hook"));

        Assert.True(route.Matches(TestAlerts.Alert(severity: AlertSeverity.Warning), null));
    }

    [Theory]
    [InlineData("http://am:9093", "http://am:9093/api/v2/alerts")]
    [InlineData("http://am:9093/", "http://am:9093/api/v2/alerts")]
    [InlineData("https://proxy.example/alertmanager", "https://proxy.example/alertmanager/api/v2/alerts")]
    [InlineData("http://am:9093/api/v2/alerts", "http://am:9093/api/v2/alerts")]
    public void Create_Alertmanager_TargetsApiV2Alerts(string url, string expected)
    {
        var route = AlertRoute.Create(TestAlerts.Route("am", "alertmanager", url));

        Assert.Equal(new Uri(expected), route.Target);
    }

    [Fact]
    public void DisplayUrl_QueryWithToken_IsHidden()
    {
        // Arrange
        var route = AlertRoute.Create(TestAlerts.Route("hook", "webhook", "https://hooks.example/in?token=s3cret", token: "bearer-s3cret"));

        // Act
        var shown = route.DisplayUrl;

        // Assert
        Assert.Equal("https://hooks.example/in?…", shown);
        Assert.True(route.HasSecret);
    }

    [Fact]
    public void Validate_BadRoutes_NameEveryFieldAndNeverEchoTheUrl()
    {
        // Arrange
        var options = new FleetCastOptions();
        options.Alerting.Routes.Add(TestAlerts.Route("", "pagerduty", "ftp://user:pw@x/secretpath", minLevel: "info", profiles: "database,dbz", metrics: "cpu"));
        options.Alerting.Routes.Add(TestAlerts.Route("dup", "webhook", "http://a/"));
        options.Alerting.Routes.Add(TestAlerts.Route("DUP", "webhook", "http://user:pw@a/", token: " padded "));

        // Act
        var errors = FleetCastOptionsValidator.Errors(options);

        // Assert
        Assert.Contains("Alerting:Routes:0:Name must not be empty.", errors);
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:0:Type must be one of alertmanager, slack, webhook; got 'pagerduty'", StringComparison.Ordinal));
        Assert.Contains("Alerting:Routes:0:Url must be an absolute http:// or https:// URL.", errors);
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:0:MinLevel must be one of warning, critical; got 'info'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:0:Profiles has unknown profile 'dbz'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:0:Metrics has unknown metric 'cpu'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:2:Name 'DUP' is used by another route", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:2:Url must not contain a user name or password", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Alerting:Routes:2:BearerToken must not be blank", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("secretpath", StringComparison.Ordinal) || e.Contains("padded", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("alertmanager", 30, "Alerting:Routes:0:RepeatMinutes does not apply to alertmanager routes")]
    [InlineData("slack", -1, "Alerting:Routes:0:RepeatMinutes must be between 0 (never) and 10080; got -1.")]
    [InlineData("webhook", 10081, "Alerting:Routes:0:RepeatMinutes must be between 0 (never) and 10080; got 10081.")]
    public void Validate_BadRepeatMinutes_NamesTheField(string type, int repeatMinutes, string expected)
    {
        var route = TestAlerts.Route("r", type, "http://127.0.0.1:9/x");
        route.RepeatMinutes = repeatMinutes;

        var errors = AlertingOptionsValidator.Errors(new AlertingOptions { Routes = [route] });

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ResendSecondsZero_NamesTheField() =>
        Assert.Contains("Alerting:ResendSeconds must be between 1 and 3600; got 0.", AlertingOptionsValidator.Errors(new AlertingOptions { ResendSeconds = 0 }));

    [Fact]
    public void DisplayUrl_SlackRoute_HidesThePathThatHoldsTheSecret()
    {
        var route = AlertRoute.Create(TestAlerts.Route("chat", "slack", "https://hooks.slack.com/services/T000/B000/s3cr3t"));

        Assert.Equal("https://hooks.slack.com/…", route.DisplayUrl);
    }

    [Fact]
    public void Validate_GoodRoute_HasNoErrors()
    {
        var options = new FleetCastOptions();
        options.Alerting.Routes.Add(TestAlerts.Route("am", "Alertmanager", "http://127.0.0.1:9093", minLevel: "critical", profiles: "database"));

        Assert.Empty(FleetCastOptionsValidator.Errors(options));
    }

    [Fact]
    public void Plan_TwoRoutesOneMatching_EnqueuesOnePerMatchingRouteWithItsBodyType()
    {
        // Arrange
        var router = AlertRouter.FromOptions(new AlertingOptions
        {
            Routes =
            [
                TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"),
                TestAlerts.Route("web-only", "webhook", "http://127.0.0.1:9/hook", profiles: "web_api"),
                TestAlerts.Route("db-hook", "webhook", "http://127.0.0.1:9/hook", profiles: "database"),
            ],
        }, TimeProvider.System);
        var fired = TestAlerts.Fired(TestAlerts.Alert("ppdb003"));

        // Act
        var messages = router.Plan([fired], new Dictionary<string, ServerProfile> { ["ppdb003"] = ServerProfile.Database }, new FiringState([]));

        // Assert
        Assert.Equal(["am", "db-hook"], messages.Select(m => m.Destination));
        var context = new ReceiverContext(DateTimeOffset.UtcNow, router.ResendInterval);
        Assert.All(messages, m => Assert.True(AlertNotificationJson.TryRead(m.Payload, out _)));
        Assert.StartsWith("[", Render(router, messages[0], context), StringComparison.Ordinal);
        Assert.StartsWith("{", Render(router, messages[1], context), StringComparison.Ordinal);
        Assert.Equal("mem_used_pct on ppdb003 likely to reach 98% in 35 min (critical)", messages[0].Summary);
    }

    private static string Render(AlertRouter router, OutboxMessage message, ReceiverContext context)
    {
        Assert.True(AlertNotificationJson.TryRead(message.Payload, out var notification));
        return router.Find(message.Destination)!.Receiver.Render(notification, context);
    }
}
