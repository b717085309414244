using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Alerting;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Alerting;

public sealed class AlertNotificationJsonTests
{
    private static readonly string[] ComputedNames = ["key", "metricNames", "currentFindings"];

    /// <summary>A firing-state row as FleetCast wrote it while the computed properties were still stored; its
    /// copies disagree with the fields on purpose, to show that the fields win.</summary>
    private const string OldNoticeRow =
        """
        {"firing":true,"server":"ppdb003","profile":"database","metric":"MemUsedPct","severity":"Critical","likelihood":"Likely",
        "threshold":98,"predictedValue":98.6,"minutesAhead":35,"startedAt":"2026-11-28T14:00:00+00:00","at":"2026-11-28T14:00:00+00:00",
        "firstSentAt":"2026-06-01T08:00:00+00:00","repeat":false,"metrics":["mem_used_pct","swap_used_pct"],
        "findings":[{"metric":"MemUsedPct","severity":"Critical","likelihood":"Likely","threshold":98,"predictedValue":98.6,"minutesAhead":35},
        {"metric":"SwapUsedPct","severity":"Warning","likelihood":"Now","threshold":25,"predictedValue":30,"minutesAhead":0}],
        "key":"stale/stale/warning","metricNames":["stale"],
        "currentFindings":[{"metric":"CpuIdlePct","severity":"Warning","likelihood":"Now","threshold":1,"predictedValue":1,"minutesAhead":0}]}
        """;

    [Fact]
    public void ReadNotice_RowWithComputedProperties_ReadsTheFieldsAndIgnoresTheCopies()
    {
        // Act
        var notice = AlertNotificationJson.ReadNotice(OldNoticeRow);

        // Assert
        Assert.Equal(("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, 98.6), (notice.Server, notice.Metric, notice.Severity, notice.PredictedValue));
        Assert.Equal("ppdb003/mem_used_pct/critical", notice.Key);
        Assert.Equal(["mem_used_pct", "swap_used_pct"], notice.MetricNames);
        Assert.Equal([Metric.MemUsedPct, Metric.SwapUsedPct], notice.CurrentFindings.Select(f => f.Metric));
        Assert.Equal(new AlertMetricFinding(Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 25, 30, 0), notice.CurrentFindings[1]);
    }

    [Fact]
    public void TryRead_OutboxPayloadWithComputedProperties_ReadsItsNotices()
    {
        // Arrange
        var payload = $$"""{"fleetcastNotification":1,"notices":[{{OldNoticeRow}}]}""";

        // Act
        var read = AlertNotificationJson.TryRead(payload, out var notification);

        // Assert
        Assert.True(read);
        var notice = Assert.Single(notification!.Notices);
        Assert.Equal("ppdb003/mem_used_pct/critical", notice.Key);
        Assert.Equal(["mem_used_pct", "swap_used_pct"], notice.MetricNames);
    }

    [Fact]
    public void WriteNotice_LeavesOutComputedPropertiesAndReadsBack()
    {
        // Arrange
        var notice = TestNotices.Fired(TestAlerts.Incident("ppdb003", Metric.MemUsedPct, Metric.SwapUsedPct));

        // Act
        var json = AlertNotificationJson.WriteNotice(notice);

        // Assert
        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.DoesNotContain(names, ComputedNames.Contains);
        Assert.Contains("findings", names);
        var read = AlertNotificationJson.ReadNotice(json);
        Assert.Equal((notice.Key, notice.Threshold, notice.FirstSentAt), (read.Key, read.Threshold, read.FirstSentAt));
        Assert.Equal(notice.MetricNames, read.MetricNames);
        Assert.Equal(notice.CurrentFindings, read.CurrentFindings);
    }

    [Fact]
    public void Write_OutboxPayload_LeavesOutComputedProperties()
    {
        // Arrange
        var notice = TestNotices.Fired(TestAlerts.Alert("ppdb003"));

        // Act
        var payload = AlertNotificationJson.Write(new AlertNotification([notice]));

        // Assert
        using var document = JsonDocument.Parse(payload);
        var stored = Assert.Single(document.RootElement.GetProperty("notices").EnumerateArray());
        Assert.DoesNotContain(stored.EnumerateObject().Select(p => p.Name), ComputedNames.Contains);
        Assert.True(AlertNotificationJson.TryRead(payload, out var read));
        Assert.Equal(notice.Key, Assert.Single(read.Notices).Key);
    }
}
