using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Dashboard.Events;
using FleetCast.Dashboard.Tabs.Alerts;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Alerts;

public sealed class AlertsTabTests : DashboardTestContext
{
    [Fact]
    public void FilterSeverity_Critical_ShowsOnlyCriticalRows()
    {
        var published = TestSnapshots.Create();
        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, published));

        cut.Find("select").Change(nameof(AlertSeverity.Critical));

        var rows = cut.FindAll("[data-table='alerts'] tbody tr");
        Assert.Equal(published.Snapshot.Alerts.Count(a => a.Severity == AlertSeverity.Critical), rows.Count);
        Assert.All(rows, r => Assert.Equal("severity-critical", r.ClassName));
    }

    [Fact]
    public void Render_IncidentOfSeveralMetrics_ShowsTheHeadlineThenTheOtherMetricsAndFiltersByAny()
    {
        var published = TestSnapshots.Create();
        var first = published.Snapshot.Alerts[0];
        var incident = first with { Metrics = [first.Metric, "swap_used_pct", "cpu_idle_pct"] };
        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, TestSnapshots.WithAlerts(published, [incident])));

        var cell = cut.Find("[data-table='alerts'] tbody tr td[data-cell='metrics']");
        var headline = cell.QuerySelector(".headline")!.TextContent;
        var others = cell.QuerySelector("[data-cell='other-metrics']")!.TextContent.Trim();
        cut.FindAll("select")[2].Change("cpu_idle_pct");

        Assert.Equal(first.Metric, headline);
        Assert.Equal("+ swap_used_pct, cpu_idle_pct", others);
        Assert.Single(cut.FindAll("[data-table='alerts'] tbody tr"));
    }

    [Fact]
    public void SortByServer_ClickedTwice_ReversesOrder()
    {
        var cut = Render<AlertsTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));

        cut.FindAll("button.sort")[1].Click();
        var ascending = cut.FindAll("[data-table='alerts'] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToArray();
        cut.FindAll("button.sort")[1].Click();
        var descending = cut.FindAll("[data-table='alerts'] tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToArray();

        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.Distinct().Reverse(), descending.Distinct());
    }

    [Fact]
    public async Task ServerLink_ClickedThroughItsContainer_OpensThatServer()
    {
        var opened = new List<string>();
        var published = TestSnapshots.Create();
        var cut = Render<AlertsTab>(p => p
            .Add(t => t.Snapshot, published)
            .Add(t => t.OnOpenServer, server => opened.Add(server)));
        var link = cut.Find("[data-alerts='table'] button[data-open-server]");
        var server = link.GetAttribute("data-open-server")!;

        await cut.Find("[data-alerts='table']").TriggerEventAsync("onopenserver", new OpenServerEventArgs { Server = server });

        Assert.Equal(server, link.TextContent);
        Assert.Null(link.GetAttribute("blazor:onclick"));
        Assert.Equal([server], opened);
    }
}
