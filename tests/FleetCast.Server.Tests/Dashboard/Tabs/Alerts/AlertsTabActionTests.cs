using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Dashboard.Tabs.Alerts;
using FleetCast.Server.Alerting;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Alerts;

public sealed class AlertsTabActionTests : DashboardTestContext
{
    [Fact]
    public void Render_AcknowledgedAndSilencedAlerts_ShowWhoAndUntilAsText()
    {
        var published = TestSnapshots.Create();
        Source.Publish(published);
        var acked = published.Snapshot.Alerts[0];
        var silencedServer = published.Snapshot.Alerts.Last().Server;
        Actions.Acknowledge(acked.Server, acked.Metric, AlertKeys.SeverityText(acked.Severity), new AcknowledgeRequest("alice", "on it"));
        var silence = Actions.AddSilence(new SilenceRequest(silencedServer, null, "bob", "maintenance", DurationMinutes: 240));

        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, published));

        var ackRow = cut.Find($"tr[data-alert-key='{AlertKeys.Format(acked.Server, acked.Metric, acked.Severity)}']");
        Assert.Contains("Acknowledged by alice", ackRow.QuerySelector("[data-state='acknowledged']")!.TextContent);
        Assert.Null(ackRow.QuerySelector("button[data-action='acknowledge']"));
        var silencedRows = cut.FindAll("tr.silenced");
        Assert.Equal(published.Snapshot.Alerts.Count(a => a.Server == silencedServer), silencedRows.Count);
        Assert.All(silencedRows, r => Assert.Contains("Silenced by bob until 2026-11-28 18:05:05 UTC (maintenance)", r.TextContent));
        Assert.Contains($"{published.Snapshot.Alerts.Count(a => a.Server == silencedServer)} silenced, 1 acknowledged", cut.Find("[data-alert-counts]").TextContent);
        var silenceRow = cut.Find($"[data-table='silences'] tr[data-silence-id='{silence.Id}']");
        Assert.Contains($"{silencedServer} · any metric", silenceRow.TextContent);
        Assert.Contains("bob", silenceRow.TextContent);
    }

    [Fact]
    public void Acknowledge_WithName_StoresAndShowsAcknowledgedRow()
    {
        var published = TestSnapshots.Create();
        Source.Publish(published);
        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, published));
        var alert = published.Snapshot.Alerts[0];

        cut.Find("input[data-field='who']").Change("carol");
        cut.Find($"tr[data-alert-key='{AlertKeys.Format(alert.Server, alert.Metric, alert.Severity)}'] button[data-action='acknowledge']").Click();
        cut.Find("[data-panel='acknowledge'] button[data-action='confirm']").Click();

        Assert.Equal("carol", Actions.StatusOf(alert).Acknowledged?.By);
        Assert.Equal("carol", Assert.Single(ActionStore.LoadAcknowledgements()).By);
        cut.WaitForAssertion(() => Assert.Contains("Acknowledged by carol",
            cut.Find($"tr[data-alert-key='{AlertKeys.Format(alert.Server, alert.Metric, alert.Severity)}']").TextContent));
        Assert.Empty(cut.FindAll("[data-panel]"));
    }

    [Fact]
    public void Silence_WithoutName_ShowsTheWhoErrorAndStoresNothing()
    {
        var published = TestSnapshots.Create();
        Source.Publish(published);
        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, published));

        cut.FindAll("button[data-action='silence']")[0].Click();
        cut.Find("[data-panel='silence'] input[data-field='reason']").Change("deploy");
        cut.Find("[data-panel='silence'] button[data-action='confirm']").Click();

        Assert.Contains("'who' is required", cut.Find("[data-panel='silence'] [data-errors]").TextContent);
        Assert.Empty(ActionStore.LoadSilences(Time.GetUtcNow(), includeInactive: true));
    }

    [Fact]
    public void Silence_MetricOnEveryServerForFourHours_ListedThenCancelled()
    {
        var published = TestSnapshots.Create();
        Source.Publish(published);
        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, published));
        var alert = published.Snapshot.Alerts[0];

        cut.Find("input[data-field='who']").Change("dave");
        cut.Find($"tr[data-alert-key='{AlertKeys.Format(alert.Server, alert.Metric, alert.Severity)}'] button[data-action='silence']").Click();
        cut.Find("select[data-field='scope']").Change("Metric");
        cut.Find("select[data-field='duration']").Change("240");
        cut.Find("input[data-field='reason']").Change("known leak");
        cut.Find("[data-panel='silence'] button[data-action='confirm']").Click();

        var silence = Assert.Single(Actions.ActiveSilences());
        Assert.Null(silence.Server);
        Assert.Equal(alert.Metric, silence.Metric);
        Assert.Equal(Time.GetUtcNow().AddHours(4).ToUnixTimeSeconds(), silence.Until.ToUnixTimeSeconds());
        cut.WaitForAssertion(() => Assert.Equal(published.Snapshot.Alerts.Count(a => a.Metric == alert.Metric), cut.FindAll("tr.silenced").Count));

        cut.Find($"tr[data-silence-id='{silence.Id}'] button[data-action='cancel-silence']").Click();

        Assert.Empty(Actions.ActiveSilences());
        Assert.Equal("dave", ActionStore.FindSilence(silence.Id)!.CancelledBy);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr.silenced")));
        Assert.NotNull(cut.Find("[data-silences-empty]"));
    }
}
