using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Alerting;

public sealed class AlertPayloadsTests
{
    [Fact]
    public void Alertmanager_Fired_IsV2ArrayWithLabelsAnnotationsAndNoEnd()
    {
        // Arrange
        var fired = TestAlerts.Fired(TestAlerts.Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical));

        // Act
        using var json = JsonDocument.Parse(AlertPayloads.Alertmanager(fired, ServerProfile.Database));

        // Assert
        var alert = Assert.Single(json.RootElement.EnumerateArray());
        var labels = alert.GetProperty("labels");
        Assert.Equal(
            ["alertname=FleetCastAlert", "level=critical", "metric=mem_used_pct", "profile=database", "server=ppdb003"],
            labels.EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}").Order(StringComparer.Ordinal));
        var annotations = alert.GetProperty("annotations");
        Assert.Equal("likely", annotations.GetProperty("likelihood").GetString());
        Assert.Equal("98", annotations.GetProperty("threshold").GetString());
        Assert.Equal("98.6", annotations.GetProperty("predicted_value").GetString());
        Assert.Equal("35", annotations.GetProperty("minutes_ahead").GetString());
        Assert.All(annotations.EnumerateObject(), a => Assert.Equal(JsonValueKind.String, a.Value.ValueKind));
        Assert.Equal("2026-11-28T12:00:00Z", alert.GetProperty("startsAt").GetString());
        Assert.False(alert.TryGetProperty("endsAt", out _));
    }

    [Fact]
    public void Alertmanager_Resolved_CarriesEndsAtAndUnknownProfile()
    {
        var resolved = TestAlerts.Resolved(TestAlerts.Alert(), TimeSpan.FromMinutes(40));

        using var json = JsonDocument.Parse(AlertPayloads.Alertmanager(resolved, null));

        var alert = json.RootElement[0];
        Assert.Equal("2026-11-28T12:40:00Z", alert.GetProperty("endsAt").GetString());
        Assert.Equal("unknown", alert.GetProperty("labels").GetProperty("profile").GetString());
    }

    [Fact]
    public void Webhook_Resolved_HasStatusTimesAndDuration()
    {
        // Arrange
        var resolved = TestAlerts.Resolved(TestAlerts.Alert("ppweb001", Metric.CpuUserPct, AlertSeverity.Warning, likelihood: AlertLikelihood.Now), TimeSpan.FromMinutes(15));

        // Act
        using var json = JsonDocument.Parse(AlertPayloads.Webhook(resolved, ServerProfile.WebApi));

        // Assert
        var root = json.RootElement;
        Assert.Equal("fleetcast", root.GetProperty("source").GetString());
        Assert.Equal("resolved", root.GetProperty("status").GetString());
        Assert.Equal("resolved after 15 min: cpu_user_pct on ppweb001 is over 98% now (warning)", root.GetProperty("summary").GetString());
        var alert = root.GetProperty("alert");
        Assert.Equal("web_api", alert.GetProperty("profile").GetString());
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.Equal(98.6, alert.GetProperty("predictedValue").GetDouble());
        Assert.Equal("2026-11-28T12:00:00Z", alert.GetProperty("startedAt").GetString());
        Assert.Equal("2026-11-28T12:15:00Z", alert.GetProperty("endedAt").GetString());
        Assert.Equal(900, alert.GetProperty("durationSeconds").GetInt64());
    }

    [Fact]
    public void Webhook_Fired_HasNullEnd()
    {
        using var json = JsonDocument.Parse(AlertPayloads.Webhook(TestAlerts.Fired(TestAlerts.Alert()), ServerProfile.Database));

        Assert.Equal("firing", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("alert").GetProperty("endedAt").ValueKind);
    }
}
