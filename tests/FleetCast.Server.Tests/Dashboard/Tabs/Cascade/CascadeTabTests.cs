using Bunit;
using FleetCast.Core.Cascades;
using FleetCast.Dashboard.Tabs.Cascade;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Cascade;

public sealed class CascadeTabTests : DashboardTestContext
{
    private readonly FakeCascadeSource _cascades = new();

    public CascadeTabTests() => Services.AddSingleton<ICascadeSource>(_cascades);

    [Fact]
    public void Render_ActiveAndEndedCascades_ShowsThemWithRootsAndAffectedServers()
    {
        _cascades.Events = [TestCascades.Event(4, TestSnapshots.DataTime.AddMinutes(-20)), TestCascades.Event(3, TestSnapshots.DataTime.AddHours(-5), TestSnapshots.DataTime.AddHours(-4))];

        var cut = Render<CascadeTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        Assert.Equal("cascade", cut.Find("[role='tabpanel']").GetAttribute("data-tab"));
        Assert.Equal((TestSnapshots.DataTime.AddDays(-1), TestSnapshots.DataTime), _cascades.LastRange);
        var active = cut.Find("[data-table='cascades-active'] tbody tr");
        Assert.Equal("4", active.GetAttribute("data-cascade-id"));
        Assert.Equal("medium", active.GetAttribute("data-severity"));
        Assert.Equal(["ppdb003"], active.QuerySelectorAll("button[data-root]").Select(b => b.GetAttribute("data-server")));
        Assert.Equal("3", active.QuerySelector("[data-affected]")!.GetAttribute("data-affected"));
        Assert.Contains("back_close_wait", active.TextContent);
        Assert.Equal("3", cut.Find("[data-table='cascades-ended'] tbody tr").GetAttribute("data-cascade-id"));
    }

    [Fact]
    public void Render_NoCascades_SaysSo()
    {
        var cut = Render<CascadeTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        Assert.NotNull(cut.Find("[data-cascade-none-active]"));
        Assert.NotNull(cut.Find("[data-cascade-none-ended]"));
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public async Task RootButton_OpensThatServer()
    {
        _cascades.Events = [TestCascades.Event(1, TestSnapshots.DataTime.AddMinutes(-20))];
        string? opened = null;
        var cut = Render<CascadeTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()).Add(t => t.OnOpenServer, (string s) => opened = s));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button[data-root]")));

        // Awaited: the tab's read finishes on the renderer's dispatcher, which a fire-and-forget Click() could race.
        await cut.Find("button[data-root]").ClickAsync(new MouseEventArgs());

        Assert.Equal("ppdb003", opened);
    }

    private sealed class FakeCascadeSource : ICascadeSource
    {
        public IReadOnlyList<CascadeEvent> Events { get; set; } = [];

        public (DateTimeOffset From, DateTimeOffset To)? LastRange { get; private set; }

        public IReadOnlyList<CascadeEvent> Active => Events.Where(e => e.IsActive).ToArray();

        public IReadOnlyList<CascadeEvent> Read(DateTimeOffset from, DateTimeOffset to, bool? active = null)
        {
            LastRange = (from, to);
            return Events;
        }
    }
}
