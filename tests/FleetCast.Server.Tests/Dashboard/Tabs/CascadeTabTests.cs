using Bunit;
using FleetCast.Dashboard.Tabs.Cascade;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs;

public sealed class CascadeTabTests : DashboardTestContext
{
    private readonly InMemoryHistoryStores _stores = new();

    public CascadeTabTests() => Services.AddSingleton<ISnapshotHistoryStore>(_stores);

    [Fact]
    public void Render_DatabasesRoseTogether_ShowsCoOccurrenceGroupAndChart()
    {
        // Arrange: ppdb000 and ppdb004 (database) enter warning one step apart; ppweb001 stays healthy.
        for (var step = 0; step < 8; step++)
        {
            _stores.Append(new SnapshotHistoryPoint(step + 1, TestSnapshots.DataTime.AddMinutes(-5 * (7 - step)), 0, 0, 0, new Dictionary<string, int>(),
                new Dictionary<string, double> { ["ppdb000"] = step >= 3 ? 75 : 20, ["ppdb004"] = step >= 4 ? 66 : 20, ["ppweb001"] = 10 }));
        }

        // Act
        var cut = Render<CascadeTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Assert
        Assert.Equal("cascade", cut.Find("[role='tabpanel']").GetAttribute("data-tab"));
        Assert.Contains("Co-occurrence, not proven dependency", cut.Find("[data-cascade-note]").TextContent);
        Assert.NotNull(cut.Find("[data-chart='cascade-elevated']"));
        var row = cut.Find("[data-table='cascade-groups'] tbody tr");
        Assert.Equal("database", row.GetAttribute("data-profile"));
        Assert.Equal(["ppdb000", "ppdb004"], row.QuerySelectorAll("button[data-server]").Select(b => b.GetAttribute("data-server")));
        Assert.Contains("2026-11-28 13:45:00 UTC – 2026-11-28 13:50:00 UTC", row.TextContent);
        Assert.Contains("0 of 2", row.TextContent);
    }

    [Fact]
    public void Render_NoStoredHistory_SaysSoWithoutChart()
    {
        var cut = Render<CascadeTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        Assert.Contains("No fleet history is stored", cut.Find("[data-cascade-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-chart]"));
    }

    [Fact]
    public async Task ServerButton_InGroup_OpensThatServer()
    {
        for (var step = 0; step < 4; step++)
        {
            _stores.Append(new SnapshotHistoryPoint(step + 1, TestSnapshots.DataTime.AddMinutes(-5 * (3 - step)), 0, 0, 0, new Dictionary<string, int>(),
                new Dictionary<string, double> { ["ppdb000"] = step >= 2 ? 75 : 20, ["ppdb004"] = step >= 2 ? 66 : 20 }));
        }

        string? opened = null;
        var cut = Render<CascadeTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()).Add(t => t.OnOpenServer, (string s) => opened = s));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button[data-server='ppdb004']")));

        // Awaited: the tab's store read finishes on the renderer's dispatcher, which a fire-and-forget Click() could race.
        await cut.Find("button[data-server='ppdb004']").ClickAsync(new MouseEventArgs());

        Assert.Equal("ppdb004", opened);
    }
}
