using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Dashboard.Pages;
using FleetCast.Dashboard.Tabs;
using FleetCast.Dashboard.Tabs.Drift;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Drift;

public sealed class DriftTabTests : DashboardTestContext
{
    private readonly FakeModelQualitySource _quality = new(TestQualityReports.Baseline());

    private readonly FakeAlertOutcomeSource _outcomes = new();

    public DriftTabTests()
    {
        Services.AddSingleton<IModelQualitySource>(_quality);
        Services.AddSingleton<IAlertOutcomeSource>(_outcomes);
    }

    [Fact]
    public void Render_AlertOutcomes_CriticalFirstWithPrecisionAndDashWhenNothingSettled()
    {
        _outcomes.AlertOutcomes = [new(AlertSeverity.Warning, 4, 4, 0, 0), new(AlertSeverity.Critical, 10, 2, 6, 2)];

        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));

        var rows = cut.FindAll("[data-table='alert-outcomes'] tbody tr");
        Assert.Equal(["critical", "warning"], rows.Select(r => r.GetAttribute("data-severity")!).ToArray());
        Assert.Equal("75%", rows[0].QuerySelector("[data-precision]")!.TextContent);
        Assert.Contains("6", rows[0].TextContent);
        Assert.Equal("–", rows[1].QuerySelector("[data-precision]")!.TextContent);
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
    public void Render_ShadowScoresMatured_TableWithRatioToServingModelAndVerdict()
    {
        var accuracy = new LiveShadowReport("tft",
        [
            new LiveShadowForecaster("tft", true, 3_000, true, 0.2, 0.81, null),
            new LiveShadowForecaster("holt-winters", false, 3_000, true, 0.25, 0.74, 0.8),
            new LiveShadowForecaster("seasonal-naive", false, 3_000, true, 0.4, 0.66, 0.5),
            new LiveShadowForecaster("linear-trend", false, 12, false, 0.9, 0.2, 0.22),
        ], "holt-winters", 0.8, true);
        _quality.Current = TestQualityReports.Model() with { Shadow = Shadow(accuracy, enabled: true) };

        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true)));

        var rows = cut.FindAll("[data-table='shadow'] tbody tr");
        Assert.Equal(["tft", "holt-winters", "seasonal-naive", "linear-trend"], rows.Select(r => r.GetAttribute("data-forecaster")));
        Assert.Equal("true", rows[0].GetAttribute("data-reference"));
        Assert.Equal(["tft (model, serving)", "0.200", "81%", "3,000", "–"], rows[0].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal(["holt-winters (baseline)", "0.250", "74%", "3,000", "0.80×"], rows[1].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal("0.50×", rows[2].QuerySelectorAll("td")[4].TextContent);
        Assert.Equal("false", rows[3].GetAttribute("data-sufficient"));
        Assert.Equal(["linear-trend (baseline)", "–", "–", "12 of 500 needed", "–"], rows[3].QuerySelectorAll("td").Select(c => c.TextContent));
        Assert.Equal("tft is better than the best baseline (holt-winters): its live pinball is 0.80× the baseline's.", cut.Find("[data-shadow-verdict]").TextContent);
        Assert.Contains("3 baselines × 200 servers in 850 ms on a background thread (4 runs)", cut.Find("[data-shadow-cost]").TextContent);
    }

    [Fact]
    public void Render_ShadowOff_SaysSoWithoutTableOrVerdict()
    {
        _quality.Current = TestQualityReports.Model() with { Shadow = Shadow(LiveShadowReport.Empty, enabled: false) };

        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true)));

        Assert.Contains("Shadow scoring of the baselines is off", cut.Find("[data-section='shadow']").TextContent);
        Assert.Empty(cut.FindAll("[data-table='shadow']"));
        Assert.Empty(cut.FindAll("[data-shadow-verdict]"));
    }

    private static ShadowScoringStatus Shadow(LiveShadowReport accuracy, bool enabled) => new(enabled, enabled ? 12 : 0, 200,
        enabled ? ["linear-trend", "seasonal-naive", "holt-winters"] : [], enabled ? 4 : 0, 0, enabled ? TestSnapshots.DataTime : null,
        enabled ? 200 : 0, enabled ? 850 : null, 3.2,
        enabled ? "Every 12 steps the baselines forecast up to 200 ready servers." : "Shadow scoring of the baselines is off (Forecast:ShadowEverySteps = 0).",
        accuracy);

    [Fact]
    public void Dashboard_DriftTabClicked_RendersTheDriftTabNotThePlaceholder()
    {
        Source.Publish(TestSnapshots.Create());
        var cut = Render<DashboardPage>();

        cut.Find($"#tab-{TabCatalog.Drift}").Click();

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal(TabCatalog.Drift, panel.GetAttribute("data-tab"));
        Assert.Empty(cut.FindAll("[data-not-provided]"));
        Assert.NotNull(cut.Find("[data-section='live-accuracy']"));
    }
}
