using Bunit;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Components.Tabs;
using FleetCast.Server.Tests.Components.Shared;

namespace FleetCast.Server.Tests.Components.Tabs;

public sealed class DocumentationTabTests : DashboardTestContext
{
    [Fact]
    public void Render_Always_ListsEveryLevelMetricAndProfileFromTheCoreTables()
    {
        var cut = Render<DocumentationTab>();

        foreach (var level in RiskLadder.Levels)
        {
            var row = cut.Find($"[data-doc='levels'] [data-level='{level.WireName}']");
            Assert.Contains(level.Label, row.TextContent);
            Assert.Contains(level.Color, row.TextContent);
        }

        foreach (var metric in MetricCatalog.All)
        {
            Assert.NotNull(cut.Find($"[data-doc='metrics'] [data-metric='{metric.WireName}']"));
        }

        foreach (var profile in ProfileNames.All)
        {
            Assert.Equal(MetricCatalog.Count, cut.FindAll($"[data-profile='{ProfileNames.ToWire(profile)}'] [data-threshold]").Count);
        }

        Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready"));
    }

    [Fact]
    public void Render_DatabaseProfile_ShowsItsOwnMemoryThresholds()
    {
        var cut = Render<DocumentationTab>();

        var database = cut.Find("[data-profile='database'] [data-threshold='mem_used_pct']").TextContent;
        var generic = cut.Find("[data-profile='generic'] [data-threshold='mem_used_pct']").TextContent;

        Assert.Contains("≥ 95", database);
        Assert.Contains("≥ 99", database);
        Assert.Contains("≥ 90", generic);
        Assert.Contains("≥ 98", generic);
        Assert.Contains("0.7", cut.Find("[data-doc='scoring']").TextContent);
    }
}
