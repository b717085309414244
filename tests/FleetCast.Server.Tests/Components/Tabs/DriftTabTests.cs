using Bunit;
using FleetCast.Server.Components.Pages;
using FleetCast.Server.Components.Tabs;
using FleetCast.Server.Components.ViewModels;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Components.Tabs;

public sealed class DriftTabTests : DashboardTestContext
{
    private readonly FakeModelQualitySource _quality = new(TestQualityReports.Baseline());

    public DriftTabTests()
    {
        Services.AddSingleton<IModelQualitySource>(_quality);
    }

    [Fact]
    public void Render_BaselineNothingMatured_SaysNotEnoughAndNoDriftWithoutCharts()
    {
        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal(TabCatalog.Drift, panel.GetAttribute("data-tab"));
        Assert.Equal("true", panel.GetAttribute("data-ready"));
        Assert.Contains("Not enough matured forecasts yet", cut.Find("[data-not-enough]").TextContent);
        Assert.Contains("no training distribution", cut.Find("[data-section='input-drift']").TextContent);
        Assert.Contains("holt-winters (baseline)", cut.Find("[data-section='model']").TextContent);
        Assert.Empty(cut.FindAll("[data-chart]"));
        Assert.Empty(cut.FindAll("[data-table='evaluation']"));
    }

    [Fact]
    public void Render_ModelWithScoresAndDrift_ChartsTablesAndCard()
    {
        _quality.Current = TestQualityReports.Model();

        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true)));

        Assert.NotNull(cut.Find("[data-chart='live-pinball']"));
        Assert.NotNull(cut.Find("[data-chart='live-coverage']"));
        Assert.NotNull(cut.Find("[data-chart='input-drift']"));
        cut.WaitForAssertion(() => Assert.Equal(3, ChartJs.Invocations["init"].Count));
        Assert.Empty(cut.FindAll("[data-not-enough]"));
        var rows = cut.FindAll("[data-table='live-accuracy'] tbody tr");
        Assert.Equal(3, rows.Count);
        Assert.Contains("1,600", rows[0].TextContent);
        Assert.Contains("0.125", rows[0].TextContent);
        Assert.Contains("79%", rows[0].TextContent);
        Assert.Equal("false", rows[2].GetAttribute("data-sufficient"));
        Assert.Contains("12 of 500 needed", rows[2].TextContent);
        Assert.DoesNotContain("0.900", rows[2].TextContent);
        Assert.Contains("significant", cut.Find("[data-table='input-drift'] [data-metric='mem_used_pct']").TextContent);
        Assert.Contains("105,014", cut.Find("[data-section='model']").TextContent);
        Assert.Contains("12 of 34 (10 of 24 injected)", cut.Find("[data-table='evaluation'] [data-forecaster='tft']").TextContent);
    }

    [Fact]
    public void Dashboard_DriftTabClicked_RendersTheDriftTabNotThePlaceholder()
    {
        Source.Publish(TestSnapshots.Create());
        var cut = Render<Dashboard>();

        cut.Find($"#tab-{TabCatalog.Drift}").Click();

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal(TabCatalog.Drift, panel.GetAttribute("data-tab"));
        Assert.Empty(cut.FindAll("[data-not-provided]"));
        Assert.NotNull(cut.Find("[data-section='live-accuracy']"));
    }
}
