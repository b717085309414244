using Bunit;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Tabs.Server;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Server;

public sealed class ServerTabTests : DashboardTestContext
{
    [Fact]
    public void Render_DatabaseServer_ListsFactorsAndProfileThresholds()
    {
        var published = TestSnapshots.Create();
        var row = published.Snapshot.Servers.First(s => s.Profile == ServerProfile.Database);

        var cut = Render<ServerTab>(p => p.Add(t => t.Snapshot, published).Add(t => t.SelectedServer, row.Name));

        Assert.Equal(row.Name, cut.Find("[data-server-name]").GetAttribute("data-server-name"));
        var factorRows = cut.FindAll("[data-table='factors'] tbody tr");
        Assert.Equal(row.Factors.Count, factorRows.Count);
        Assert.Contains(row.Factors[0].Text, cut.Find("[data-table='factors']").TextContent);

        var memory = ThresholdTable.Default.Get(ServerProfile.Database, Metric.MemUsedPct);
        var memoryThresholds = cut.Find("[data-thresholds='memory']").TextContent;
        Assert.Contains($"warning ≥ {memory.Warning:0.0}%", memoryThresholds);
        Assert.Contains($"critical ≥ {memory.Critical:0.0}%", memoryThresholds);

        // cpu is 100 − idle: idle ≤ 5 / ≤ 2 reads as cpu ≥ 95 / ≥ 98.
        var cpuThresholds = cut.Find("[data-thresholds='cpu']").TextContent;
        Assert.Contains("warning ≥ 95.0%", cpuThresholds);
        Assert.Contains("critical ≥ 98.0%", cpuThresholds);
    }

    [Fact]
    public void Render_NoSelection_ShowsRiskiestServerWithOneChartPerDisplayMetric()
    {
        var published = TestSnapshots.Create();

        var cut = Render<ServerTab>(p => p.Add(t => t.Snapshot, published));

        Assert.Equal(published.Snapshot.Summary.Top5[0], cut.Find("[data-server-name]").GetAttribute("data-server-name"));
        foreach (var metric in DisplayMetricCatalog.All)
        {
            Assert.NotNull(cut.Find($"[data-chart='forecast-{metric.WireName}']"));
        }

        cut.WaitForAssertion(() => Assert.Equal(DisplayMetricCatalog.All.Count, ChartJs.Invocations["init"].Count));
        Assert.Contains("6 steps × 5 min = 30 min ahead", cut.Find("[data-horizon]").TextContent);
    }

    [Fact]
    public void Render_SelectedServer_ShowsOnlyThatServersAlerts()
    {
        var published = TestSnapshots.Create();
        var name = published.Snapshot.Summary.Top5[1];

        var cut = Render<ServerTab>(p => p.Add(t => t.Snapshot, published).Add(t => t.SelectedServer, name));

        var alertRows = cut.FindAll("[data-table='alerts'] tbody tr");
        Assert.Equal(published.Snapshot.Alerts.Count(a => a.Server == name), alertRows.Count);
        Assert.All(alertRows, r => Assert.Contains(name, r.TextContent));
    }

    [Fact]
    public void Search_PartOfName_ListsOnlyMatchingServers()
    {
        var cut = Render<ServerTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));

        cut.Find("input[type='search']").Input("ppml");

        var matches = cut.FindAll("[data-server]").Select(e => e.GetAttribute("data-server")!).ToArray();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.StartsWith("ppml", m));
    }

    [Fact]
    public void NewSnapshot_RankingChangedWithoutSelection_KeepsShowingTheSameServer()
    {
        // Arrange
        var first = TestSnapshots.Create(version: 1);
        var shown = first.Snapshot.Summary.Top5[0];
        var cut = Render<ServerTab>(p => p.Add(t => t.Snapshot, first));
        var reranked = TestSnapshots.Create(version: 2);
        var newTop = reranked.Snapshot.Summary.Top5[1];
        var second = new PublishedSnapshot
        {
            Snapshot = reranked.Snapshot with { Summary = reranked.Snapshot.Summary with { Top5 = [newTop, shown] } },
            Json = reranked.Json,
            JsonGzip = reranked.JsonGzip,
            JsonBrotli = reranked.JsonBrotli,
            ETag = reranked.ETag,
            Details = reranked.Details,
        };

        // Act
        cut.Render(p => p.Add(t => t.Snapshot, second));

        // Assert
        Assert.NotEqual(shown, newTop);
        Assert.Equal(shown, cut.Find("[data-server-name]").GetAttribute("data-server-name"));
    }
}
