using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Dashboard.Tabs.Historical;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Historical;

public sealed class HistoricalTabTests : DashboardTestContext
{
    private readonly InMemoryHistoryStores _stores = new();

    public HistoricalTabTests()
    {
        Services.AddSingleton<ISnapshotHistoryStore>(_stores);
        Services.AddSingleton<IAlertStore>(_stores);
        for (var i = 0; i < 12; i++)
        {
            var time = TestSnapshots.DataTime.AddMinutes(-5 * i);
            _stores.Append(new SnapshotHistoryPoint(100 - i, time, 20, 80, 3,
                new Dictionary<string, int> { ["critical"] = i % 3, ["healthy"] = 10 - (i % 3) },
                new Dictionary<string, double> { ["ppdb001"] = 40 + i, ["ppweb002"] = 90 - i }));
        }

        _stores.Alerts.Add(Alert(1, "ppweb002", AlertSeverity.Critical, TestSnapshots.DataTime.AddMinutes(-30), null));
        _stores.Alerts.Add(Alert(2, "ppdb001", AlertSeverity.Warning, TestSnapshots.DataTime.AddMinutes(-50), TestSnapshots.DataTime.AddMinutes(-20)));
        _stores.Alerts.Add(Alert(3, "ppweb002", AlertSeverity.Warning, TestSnapshots.DataTime.AddHours(-20), TestSnapshots.DataTime.AddHours(-19)));
    }

    [Fact]
    public void Render_StoredHistory_ShowsChartsBreakdownAlertsAndCsvLink()
    {
        // Arrange
        var published = TestSnapshots.Create();

        // Act
        var cut = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, published));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Assert
        Assert.NotNull(cut.Find("[data-chart='history-levels']"));
        Assert.NotNull(cut.Find("[data-chart='history-alerts']"));
        Assert.Contains("12 stored snapshots", cut.Find("[data-history-points]").TextContent);
        var servers = cut.FindAll("[data-table='history-servers'] tbody tr").Select(r => r.GetAttribute("data-server") ?? string.Empty).ToArray();
        Assert.Equal(["ppweb002", "ppdb001"], servers);
        Assert.Contains("90.0", cut.Find("[data-table='history-servers'] tr[data-server='ppweb002']").TextContent);
        Assert.Equal(2, cut.FindAll("[data-table='history-alerts'] tbody tr").Count);
        var href = cut.Find("a[data-export='alerts-csv']").GetAttribute("href");
        Assert.Equal("api/v1/alerts/history.csv?from=2026-11-28T06%3A05%3A00Z&to=2026-11-28T14%3A05%3A00Z", href);
    }

    [Fact]
    public void Render_SecondSessionOnTheSameSnapshot_ShowsTheSharedReadAtOnce()
    {
        // Arrange
        var published = TestSnapshots.Create();
        var first = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, published));
        first.WaitForAssertion(() => Assert.Equal("true", first.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Act
        var second = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, published));

        // Assert: ready in its first render, without reading the stores again
        Assert.Equal("true", second.Find("[role='tabpanel']").GetAttribute("data-ready"));
        Assert.Equal(1, second.RenderCount);
        Assert.Equal(1, _stores.AlertQueries);
        Assert.Equal(first.Find("[data-table='history-servers']").TextContent, second.Find("[data-table='history-servers']").TextContent);
    }

    [Fact]
    public void RangeButton_SevenDays_ReadsTheStoresOverSevenDays()
    {
        // Arrange
        var cut = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Act
        cut.Find("button[data-range='7d']").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-table='history-alerts'] tbody tr").Count));
        Assert.Equal("true", cut.Find("button[data-range='7d']").GetAttribute("aria-pressed"));
        Assert.Equal((TestSnapshots.DataTime.AddDays(-7), TestSnapshots.DataTime, (string?)null), _stores.LastAlertQuery);
    }

    [Fact]
    public void ServerClick_InBreakdown_FiltersAlertsAndCsvToThatServer()
    {
        // Arrange
        var cut = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Act
        cut.Find("[data-table='history-servers'] tr[data-server='ppdb001'] button").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(["ppdb001"], cut.FindAll("[data-table='history-alerts'] tbody tr td:nth-child(2)").Select(td => td.TextContent)));
        Assert.NotNull(cut.Find("[data-history-server='ppdb001']"));
        Assert.Equal("ppdb001", _stores.LastAlertQuery?.Server);
        Assert.EndsWith("&server=ppdb001", cut.Find("a[data-export='alerts-csv']").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AlertTableBuiltAsHtml_EncodesText()
    {
        // Arrange
        _stores.Alerts.Add(Alert(4, "<b>odd</b>", AlertSeverity.Critical, TestSnapshots.DataTime.AddMinutes(-10), null));

        // Act
        var cut = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Assert
        var table = cut.Find("[data-table='history-alerts']");
        Assert.Empty(table.QuerySelectorAll("b"));
        Assert.Equal("<b>odd</b>", table.QuerySelector("tbody tr td:nth-child(2)")?.TextContent);
    }

    private static AlertRecord Alert(long id, string server, AlertSeverity severity, DateTimeOffset started, DateTimeOffset? ended) =>
        new(id, server, new AlertMetricFinding(Metric.CpuUserPct, severity, AlertLikelihood.Likely, 95, 97, 10), started, ended);
}

public sealed class HistoricalTabWithoutStorageTests : DashboardTestContext
{
    [Fact]
    public void Render_NoStores_SaysSoWithoutNumbers()
    {
        var cut = Render<HistoricalTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal("true", panel.GetAttribute("data-ready"));
        Assert.Contains("without storage", cut.Find("[data-not-provided]").TextContent);
        Assert.Empty(cut.FindAll("[data-chart]"));
    }
}
