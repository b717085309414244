using Bunit;
using FleetCast.Core.Levels;
using FleetCast.Dashboard.Events;
using FleetCast.Dashboard.Shared;
using FleetCast.Dashboard.Tabs.Overview;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Overview;

public sealed class OverviewTabTests : DashboardTestContext
{
    [Fact]
    public void Render_Snapshot_CountsMatchTheSnapshot()
    {
        var published = TestSnapshots.Create(servers: 14);

        var cut = Render<OverviewTab>(p => p.Add(t => t.Snapshot, published));

        Assert.Equal("14", cut.Find("[data-kpi='servers'] .kpi-value").TextContent);
        Assert.Equal(published.Snapshot.Alerts.Count.ToString(), cut.Find("[data-kpi='alerts'] .kpi-value").TextContent);
        foreach (var level in RiskLadder.Levels)
        {
            var expected = published.Snapshot.Summary.LevelCounts[level.WireName];
            Assert.Equal(expected.ToString(), cut.Find($"[data-level='{level.WireName}'] .level-count").TextContent);
            Assert.Contains(level.Label, cut.Find($"[data-level='{level.WireName}']").TextContent);
        }

        Assert.Contains("indicator", cut.Find("[data-kpi='indicator-30m']").TextContent);
        Assert.Equal("12%", cut.Find("[data-kpi='indicator-30m'] .kpi-value").TextContent);
        Assert.Equal("31%", cut.Find("[data-kpi='indicator-8h'] .kpi-value").TextContent);
        Assert.Equal("5 s", cut.Find("[data-kpi='snapshot-age'] .kpi-value").TextContent);
        Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready"));
    }

    [Fact]
    public void Render_Snapshot_InitialisesBothChartsThroughTheModule()
    {
        var cut = Render<OverviewTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));

        Assert.NotNull(cut.Find("[data-chart='top-servers']"));
        Assert.NotNull(cut.Find("[data-chart='level-distribution']"));
        cut.WaitForAssertion(() => Assert.Equal(2, ChartJs.Invocations["init"].Count));
    }

    [Fact]
    public void NewSnapshot_AfterFirstRender_UpdatesChartsInsteadOfReinitialising()
    {
        var cut = Render<OverviewTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(version: 1)));
        cut.WaitForAssertion(() => Assert.Equal(2, ChartJs.Invocations["init"].Count));
        var before = cut.Find("[data-chart='top-servers']").GetAttribute("data-option");

        cut.Render(p => p.Add(t => t.Snapshot, TestSnapshots.Create(servers: 20, version: 2)));

        // The browser module redraws from the changed attribute; the chart is not created again.
        var after = cut.Find("[data-chart='top-servers']").GetAttribute("data-option");
        Assert.NotEqual(before, after);
        Assert.Equal(2, ChartJs.Invocations["init"].Count);
    }

    [Fact]
    public void Render_TwoSessionsOnOneSnapshot_ShowTheSameChartOptions()
    {
        var published = TestSnapshots.Create(servers: 30);

        var first = Render<OverviewTab>(p => p.Add(t => t.Snapshot, published));
        var second = Render<OverviewTab>(p => p.Add(t => t.Snapshot, published));

        var option = first.Find("[data-chart='top-servers']").GetAttribute("data-option");
        Assert.Contains(published.Snapshot.Summary.Top20[0], option);
        Assert.Equal(option, second.Find("[data-chart='top-servers']").GetAttribute("data-option"));
    }

    [Fact]
    public void Render_TwoSessionsAtDifferentTimes_ShareTheSnapshotsMarkupButEachShowsItsOwnAge()
    {
        var published = TestSnapshots.Create(servers: 30);
        var first = Render<OverviewTab>(p => p.Add(t => t.Snapshot, published));

        Time.Advance(TimeSpan.FromSeconds(20));
        var second = Render<OverviewTab>(p => p.Add(t => t.Snapshot, published));

        Assert.Equal("5 s", first.Find("[data-kpi='snapshot-age'] .kpi-value").TextContent);
        Assert.Equal("25 s", second.Find("[data-kpi='snapshot-age'] .kpi-value").TextContent);
        Assert.Equal(first.Find("[data-overview='alerts']").InnerHtml, second.Find("[data-overview='alerts']").InnerHtml);
        Assert.Equal(first.Find("ul.levels").OuterHtml, second.Find("ul.levels").OuterHtml);
    }

    [Fact]
    public void Render_AlertTable_ServerLinksCarryTheirServerAndNoHandlerOfTheirOwn()
    {
        var published = TestSnapshots.Create(servers: 30);

        var cut = Render<OverviewTab>(p => p.Add(t => t.Snapshot, published));

        var expected = AlertsQuery.Apply(published.Snapshot.Alerts, AlertFilter.None, AlertSort.Default, OverviewModel.AlertRows).Rows;
        var links = cut.FindAll("[data-overview='alerts'] button[data-open-server]");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(a => a.Server), links.Select(l => l.GetAttribute("data-open-server")));
        Assert.Equal(expected.Select(a => a.Server), links.Select(l => l.TextContent));
        Assert.All(links, l => Assert.Null(l.GetAttribute("blazor:onclick")));
    }

    [Fact]
    public async Task OpenServerEvent_FromALink_OpensThatServerAndElsewhereOpensNothing()
    {
        var opened = new List<string>();
        var cut = Render<OverviewTab>(p => p
            .Add(t => t.Snapshot, TestSnapshots.Create(servers: 30))
            .Add(t => t.OnOpenServer, server => opened.Add(server)));
        var alerts = cut.Find("[data-overview='alerts']");

        await alerts.TriggerEventAsync("onopenserver", new OpenServerEventArgs { Server = null });
        // Found again: the render after an event gives the container's handler a new id.
        await cut.Find("[data-overview='alerts']").TriggerEventAsync("onopenserver", new OpenServerEventArgs { Server = "web-07" });

        Assert.Equal(["web-07"], opened);
    }
}
