using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Alerting;
using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Alerting.Receivers;

public sealed class SlackReceiverTests
{
    private static readonly ReceiverContext Context = new(TestNotices.WallNow, TimeSpan.FromSeconds(60));

    [Fact]
    public void Render_GroupOfOneServer_TextLinePerAlertAndColouredAttachments()
    {
        // Arrange
        var notices = new[]
        {
            TestNotices.Fired(TestAlerts.Alert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical)),
            TestNotices.Fired(TestAlerts.Alert("ppdb003", Metric.CpuUserPct, AlertSeverity.Warning)) with { Repeat = true },
            TestNotices.Resolved(TestAlerts.Alert("ppdb003", Metric.DiskUsagePct, AlertSeverity.Warning), TimeSpan.FromMinutes(20)),
        };

        // Act
        using var json = JsonDocument.Parse(new SlackReceiver().Render(new AlertNotification(notices), Context));

        // Assert
        Assert.Equal(
            "[FIRING] mem_used_pct on ppdb003 likely to reach 98% in 35 min (critical)\n" +
            "[STILL FIRING] cpu_user_pct on ppdb003 likely to reach 98% in 35 min (warning)\n" +
            "[RESOLVED] resolved after 20 min: disk_usage_pct on ppdb003 likely to reach 98% in 35 min (warning)",
            json.RootElement.GetProperty("text").GetString());
        Assert.Equal([SlackReceiver.CriticalColour, SlackReceiver.WarningColour, SlackReceiver.ResolvedColour],
            json.RootElement.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("color").GetString()));
    }
}
