using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Alerting;
using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Alerting.Receivers;

public sealed class AlertmanagerReceiverTests
{
    private static readonly ReceiverContext Context = new(TestNotices.WallNow, TimeSpan.FromSeconds(60));

    private readonly AlertmanagerReceiver _receiver = new();

    [Fact]
    public void Render_Fired_WallClockTimesAndDataTimesInAnnotations()
    {
        // Arrange: first sent 5 minutes of wall time ago; data time is months ahead.
        var notice = TestNotices.Fired(TestAlerts.Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical), firstSentAt: TestNotices.WallNow.AddMinutes(-5));

        // Act
        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        // Assert
        var alert = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(
            ["alertname=FleetCastAlert", "level=critical", "metric=mem_used_pct", "profile=database", "server=ppdb003"],
            alert.GetProperty("labels").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal));
        Assert.Equal("2026-06-01T07:55:00Z", alert.GetProperty("startsAt").GetString());
        Assert.Equal("2026-06-01T08:03:00Z", alert.GetProperty("endsAt").GetString());
        var annotations = alert.GetProperty("annotations");
        Assert.Equal("likely", annotations.GetProperty("likelihood").GetString());
        Assert.Equal("98", annotations.GetProperty("threshold").GetString());
        Assert.Equal("98.6", annotations.GetProperty("predicted_value").GetString());
        Assert.Equal("35", annotations.GetProperty("minutes_ahead").GetString());
        Assert.Equal("2026-11-28T12:00:00Z", annotations.GetProperty("data_started_at").GetString());
        Assert.Equal("2026-11-28T12:00:00Z", annotations.GetProperty("data_fired_at").GetString());
        Assert.Equal("mem_used_pct on ppdb003 likely to reach 98% in 35 min (critical)", annotations.GetProperty("summary").GetString());
        Assert.All(annotations.EnumerateObject(), a => Assert.Equal(JsonValueKind.String, a.Value.ValueKind));
    }

    [Fact]
    public void Render_IncidentOfSeveralMetrics_OneAlertWithTheHeadlineLabelAndEveryMetricAnnotated()
    {
        var notice = TestNotices.Fired(TestAlerts.Incident("ppdb003", Metric.CpuIdlePct, Metric.MemUsedPct, Metric.SwapUsedPct));

        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        var alert = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("cpu_idle_pct", alert.GetProperty("labels").GetProperty("metric").GetString());
        Assert.Equal("cpu_idle_pct,mem_used_pct,swap_used_pct", alert.GetProperty("annotations").GetProperty("metrics").GetString());
        Assert.Equal("ppdb003: cpu_idle_pct, mem_used_pct, swap_used_pct predicted critical in 35 min (critical)",
            alert.GetProperty("annotations").GetProperty("summary").GetString());
    }

    [Fact]
    public void Render_Resolved_EndsNowOnTheWallClockWithUnknownProfile()
    {
        var notice = TestNotices.Resolved(TestAlerts.Alert(), TimeSpan.FromMinutes(40), profile: null, firstSentAt: TestNotices.WallNow.AddMinutes(-2));

        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        var alert = json.RootElement[0];
        Assert.Equal("2026-06-01T07:58:00Z", alert.GetProperty("startsAt").GetString());
        Assert.Equal("2026-06-01T08:00:00Z", alert.GetProperty("endsAt").GetString());
        Assert.Equal("2026-11-28T12:40:00Z", alert.GetProperty("annotations").GetProperty("data_resolved_at").GetString());
        Assert.Equal("unknown", alert.GetProperty("labels").GetProperty("profile").GetString());
    }

    [Fact]
    public void Render_FirstSentAfterTheWallClock_StartsNowSoStartIsNeverAfterEnd()
    {
        var notice = TestNotices.Resolved(TestAlerts.Alert(), TimeSpan.FromMinutes(5), firstSentAt: TestNotices.WallNow.AddMinutes(1));

        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        Assert.Equal(json.RootElement[0].GetProperty("endsAt").GetString(), json.RootElement[0].GetProperty("startsAt").GetString());
    }

    [Fact]
    public void Render_GroupOfOneServer_OneArrayWithEveryAlert()
    {
        var notices = new[]
        {
            TestNotices.Fired(TestAlerts.Alert("ppdb003", Metric.MemUsedPct)),
            TestNotices.Fired(TestAlerts.Alert("ppdb003", Metric.CpuUserPct, AlertSeverity.Warning)),
        };

        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification(notices), Context));

        Assert.Equal(["mem_used_pct", "cpu_user_pct"], json.RootElement.EnumerateArray().Select(a => a.GetProperty("labels").GetProperty("metric").GetString()));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9093", "http://127.0.0.1:9093/api/v2/alerts")]
    [InlineData("http://am.example/prefix/", "http://am.example/prefix/api/v2/alerts")]
    [InlineData("http://am.example/api/v2/alerts", "http://am.example/api/v2/alerts")]
    public void Target_BaseUrl_AlertsEndpoint(string configured, string expected) =>
        Assert.Equal(new Uri(expected), _receiver.Target(new Uri(configured)));
}
