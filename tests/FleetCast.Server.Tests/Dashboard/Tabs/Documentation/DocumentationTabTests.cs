using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Core.Assessment;
using FleetCast.Core.Levels;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Dashboard.Services;
using FleetCast.Dashboard.Tabs.Documentation;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Documentation;

public sealed class DocumentationTabTests : DashboardTestContext
{
    [Fact]
    public void Render_Always_ListsEveryLevelMetricAndProfileFromTheCoreTables()
    {
        var cut = Render<DocumentationTab>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

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
    }

    [Fact]
    public void Render_Always_ListsTheAssessmentInvariantsAndTheLevelFloorsFromCore()
    {
        var cut = Render<DocumentationTab>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        var invariants = cut.FindAll("[data-doc='invariants'] li").Select(li => li.TextContent).ToArray();
        Assert.Equal(AssessmentInvariants.All, invariants);
        var floors = cut.FindAll("[data-doc='level-floors'] tbody tr");
        Assert.Equal(5, floors.Count);
        Assert.Contains("critical threshold now", floors[0].TextContent);
        Assert.Equal(RiskLadder.ToWire(LevelFloor.ForBreach(AlertSeverity.Critical)), floors[0].QuerySelector("[data-level-badge]")!.GetAttribute("data-level-badge"));
        Assert.Equal(RiskLadder.ToWire(LevelFloor.ForAlert(AlertSeverity.Critical, AlertLikelihood.Likely)), floors[2].QuerySelector("[data-level-badge]")!.GetAttribute("data-level-badge"));
    }

    [Fact]
    public void Render_DatabaseProfile_ShowsItsOwnMemoryThresholds()
    {
        var cut = Render<DocumentationTab>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        var database = cut.Find("[data-profile='database'] [data-threshold='mem_used_pct']").TextContent;
        var generic = cut.Find("[data-profile='generic'] [data-threshold='mem_used_pct']").TextContent;

        Assert.Contains("≥ 95", database);
        Assert.Contains("≥ 99", database);
        Assert.Contains("≥ 90", generic);
        Assert.Contains("≥ 98", generic);
        Assert.Contains("0.7", cut.Find("[data-doc='scoring']").TextContent);
    }

    [Fact]
    public void Render_Always_StatesTheAlertRuleFromTheServersOptions()
    {
        var rules = AlertRuleOptions.Default;
        var cut = Render<DocumentationTab>();
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        var text = cut.Find("[data-doc='alert-rule']").TextContent;

        Assert.Contains($"within {rules.LikelyWithinSteps} steps", text);
        Assert.Contains($"within {rules.PossibleWithinSteps} steps", text);
        Assert.Contains($"lasts {rules.PersistSteps} steps", text);
        Assert.Contains($"after {rules.FireAfterEvaluations} consecutive evaluations", text);
    }

    [Fact]
    public void Render_SecondSession_SharesTheHtmlRenderedOnceAndIsReadyAtOnce()
    {
        var first = Render<DocumentationTab>();
        first.WaitForAssertion(() => Assert.Equal("true", first.Find("[role='tabpanel']").GetAttribute("data-ready")));

        var second = Render<DocumentationTab>();

        Assert.Equal("true", second.Find("[role='tabpanel']").GetAttribute("data-ready"));
        Assert.Equal(1, second.RenderCount);
        Assert.Same(Services.GetRequiredService<StaticHtml>().GetOrRenderAsync<DocumentationContent>(), Services.GetRequiredService<StaticHtml>().GetOrRenderAsync<DocumentationContent>());
        Assert.Equal(first.Find("[data-doc='metrics']").OuterHtml, second.Find("[data-doc='metrics']").OuterHtml);
    }
}
