using Bunit;
using FleetCast.Core.Costs;
using FleetCast.Dashboard.Tabs.Cost;
using FleetCast.Server.Costs;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Cost;

public sealed class CostTabTests : DashboardTestContext
{
    private readonly TempDatabase _temp = new();
    private readonly CostAvoidanceService _costs;

    public CostTabTests()
    {
        _costs = new CostAvoidanceService(new CostAvoidanceStore(_temp.Database), TimeSpan.FromMinutes(5), TimeProvider.System);
        Services.AddSingleton(_costs);
    }

    [Fact]
    public void Render_NoInputs_SaysNotConfiguredAndShowsNoFigure()
    {
        var cut = Render<CostTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        Assert.Contains("not configured", cut.Find("[data-cost-not-configured]").TextContent);
        Assert.Empty(cut.FindAll("[data-cost-estimate]"));
        Assert.Contains("costPerHour", cut.Find("[data-cost-formula]").TextContent);
    }

    [Fact]
    public void Render_WithInputs_ShowsTheFigureLabelledAsAnEstimateWithItsInputs()
    {
        _costs.Save(new CostInputs(2000, 3, 0.25, "EUR"), "api key sha256:abcdef01");

        var cut = Render<CostTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-cost-estimate]")));

        Assert.Equal("0", cut.Find("[data-cost-estimate]").GetAttribute("data-cost-estimate"));
        Assert.Equal("estimate", cut.Find("[data-label]").TextContent);
        Assert.Equal("2,000 EUR", cut.Find("[data-input='costPerHour']").TextContent);
        Assert.Equal("25%", cut.Find("[data-input='shareActedOn']").TextContent);
        Assert.Equal("true", cut.Find("[data-range='30d']").GetAttribute("aria-pressed"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _temp.Dispose();
        }
    }
}
