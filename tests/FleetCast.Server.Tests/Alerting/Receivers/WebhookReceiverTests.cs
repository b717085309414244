using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Alerting.Receivers;

public sealed class WebhookReceiverTests
{
    private static readonly ReceiverContext Context = new(TestNotices.WallNow, TimeSpan.FromSeconds(60));

    private readonly WebhookReceiver _receiver = new();

    [Fact]
    public void Render_Resolved_HasStatusDataTimesAndDuration()
    {
        // Arrange
        var notice = TestNotices.Resolved(TestAlerts.Alert("ppweb001", Metric.CpuUserPct, AlertSeverity.Warning, likelihood: AlertLikelihood.Now),
            TimeSpan.FromMinutes(15), ServerProfile.WebApi);

        // Act
        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        // Assert
        var root = json.RootElement;
        Assert.Equal("fleetcast", root.GetProperty("source").GetString());
        Assert.Equal("resolved", root.GetProperty("status").GetString());
        Assert.False(root.GetProperty("repeat").GetBoolean());
        Assert.Equal("2026-11-28T12:15:00Z", root.GetProperty("at").GetString());
        Assert.Equal("2026-06-01T08:00:00Z", root.GetProperty("firstSentAt").GetString());
        Assert.Equal("resolved after 15 min: cpu_user_pct on ppweb001 is at or beyond 98% now (warning)", root.GetProperty("summary").GetString());
        var alert = root.GetProperty("alert");
        Assert.Equal("web_api", alert.GetProperty("profile").GetString());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal(98.6, alert.GetProperty("predictedValue").GetDouble());
        Assert.Equal("2026-11-28T12:00:00Z", alert.GetProperty("startedAt").GetString());
        Assert.Equal("2026-11-28T12:15:00Z", alert.GetProperty("endedAt").GetString());
        Assert.Equal(900, alert.GetProperty("durationSeconds").GetInt64());
    }

    [Fact]
    public void Render_IncidentOfTwoMetrics_OneEventWithTheHeadlineAndBothMetrics()
    {
        var notice = TestNotices.Fired(TestAlerts.Incident("ppdb003", Metric.MemUsedPct, Metric.SwapUsedPct));

        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        var alert = json.RootElement.GetProperty("alert");
        Assert.Equal("mem_used_pct", alert.GetProperty("metric").GetString());
        Assert.Equal(["mem_used_pct", "swap_used_pct"], alert.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public void Render_RepeatedFiring_NullEndAndRepeatFlag()
    {
        var notice = TestNotices.Fired(TestAlerts.Alert()) with { Repeat = true };

        using var json = JsonDocument.Parse(_receiver.Render(new AlertNotification([notice]), Context));

        Assert.Equal("firing", json.RootElement.GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("repeat").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("alert").GetProperty("endedAt").ValueKind);
    }
}
