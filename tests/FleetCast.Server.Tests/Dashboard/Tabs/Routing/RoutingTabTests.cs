using Bunit;
using FleetCast.Dashboard;
using FleetCast.Dashboard.Tabs.Routing;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Routing;

public sealed class RoutingTabTests : DashboardTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();
    private readonly OutboxStore _outbox;

    public RoutingTabTests()
    {
        _outbox = new OutboxStore(_temp.Database);
        Services.AddSingleton<IOutboxStore>(_outbox);
    }

    [Fact]
    public void Render_NoRoutes_SaysSoAndShowsHowToConfigure()
    {
        // Arrange
        UseRoutes();

        // Act
        var cut = Render<RoutingTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Assert
        Assert.Equal("routing", cut.Find("[role='tabpanel']").GetAttribute("data-tab"));
        Assert.Contains("No alert routes are configured", cut.Find("[data-routing-empty]").TextContent);
        Assert.Contains("FLEETCAST__ALERTING__ROUTES__0__TYPE=alertmanager", cut.Find("[data-routing-example]").TextContent);
        Assert.Empty(cut.FindAll("[data-table='routes']"));
    }

    [Fact]
    public void Render_RoutesWithDeliveries_ShowsCountsAndRecentWithoutSecrets()
    {
        // Arrange
        UseRoutes(
            TestAlerts.Route("pager", "webhook", "https://hooks.example/in?key=url-s3cret", minLevel: "critical", profiles: "database", token: "t0ken-s3cret"),
            TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        _outbox.Enqueue([new OutboxMessage("pager", "{}", "mem_used_pct on ppdb003 likely to reach 98% in 35 min (critical)"), new OutboxMessage("am", "[]", "second")], Now);
        var due = _outbox.Due(Now, 10);
        _outbox.MarkDelivered(due[0].Id, 2, Now.AddSeconds(3));
        _outbox.MarkAttemptFailed(due[1].Id, 1, "http://127.0.0.1:9093/api/v2/alerts answered 503 Service Unavailable", Now.AddSeconds(4), Now.AddSeconds(60));

        // Act
        var cut = Render<RoutingTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        // Assert
        Assert.DoesNotContain("s3cret", cut.Markup, StringComparison.Ordinal);
        var pager = cut.Find("[data-table='routes'] tr[data-route='pager']");
        Assert.Equal("configured", pager.QuerySelector("[data-auth]")!.TextContent);
        Assert.Equal("1", pager.QuerySelector("[data-sent]")!.TextContent);
        Assert.Contains("https://hooks.example/in?…", pager.TextContent);
        Assert.Contains("critical; profiles database", pager.TextContent);
        var am = cut.Find("[data-table='routes'] tr[data-route='am']");
        Assert.Equal("none", am.QuerySelector("[data-auth]")!.TextContent);
        Assert.Equal("1", am.QuerySelector("[data-pending]")!.TextContent);
        Assert.Contains("answered 503", am.QuerySelector("[data-last-error]")!.TextContent);
        Assert.Equal(["pending", "delivered"], cut.FindAll("[data-table='deliveries'] tbody tr").Select(r => r.GetAttribute("data-status")));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }

    private void UseRoutes(params AlertRouteOptions[] routes)
    {
        var options = new AlertingOptions { Routes = [.. routes] };
        Services.AddSingleton(options);
        Services.AddSingleton(AlertRouter.FromOptions(options, Time));
    }
}
