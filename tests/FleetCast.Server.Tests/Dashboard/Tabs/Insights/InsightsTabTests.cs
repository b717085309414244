using System.Text.Json;
using System.Text.RegularExpressions;
using Bunit;
using FleetCast.Dashboard.Services;
using FleetCast.Dashboard.Shared;
using FleetCast.Dashboard.Tabs.Insights;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Insights;

public sealed class InsightsTabTests : DashboardTestContext
{
    [Fact]
    public void Render_BaselineFleet_SaysExplanationsNeedTheModelHowToLoadItAndShowsNoNumbers()
    {
        var published = TestSnapshots.Create(forecaster: "holt-winters", forecasterIsModel: false);

        var cut = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published));

        var panel = cut.Find("[role='tabpanel'][data-tab='insights']");
        Assert.Equal("true", panel.GetAttribute("data-ready"));
        var message = cut.Find("[data-insights-status='baseline']").TextContent;
        Assert.Contains("holt-winters", message);
        Assert.Contains("needs the TFT model", message);
        Assert.Contains("fleetcast run --model models/default", message);
        Assert.Empty(cut.FindAll("[data-chart]"));
        Assert.Empty(cut.FindAll("[data-server]"));
        Assert.DoesNotMatch(new Regex("[0-9]"), panel.TextContent);
    }

    [Fact]
    public void Render_TftFleet_ShowsRiskiestServersExplanationWithBothCharts()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 21);
        Forecasters.Swap(new TftForecaster(model));
        var published = ModelSnapshots.Create();
        var riskiest = published.Snapshot.Summary.Top5[0];

        // Act
        var cut = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-tab='insights']").GetAttribute("data-ready")));
        Assert.Equal(riskiest, cut.Find("[data-insights-server]").GetAttribute("data-insights-server"));
        Assert.NotNull(cut.Find($"[data-chart='{InsightsCharts.FeaturesChart}']"));
        Assert.NotNull(cut.Find($"[data-chart='{InsightsCharts.AttentionChart}']"));
        cut.WaitForAssertion(() => Assert.Equal(2, ChartJs.Invocations["init"].Count));
        var explained = Services.GetRequiredService<InsightsService>().TryAnswer(published, riskiest)!.Model!;
        var featuresOption = JsonSerializer.Serialize(ChartJs.Invocations["init"][0].Arguments[1]);
        foreach (var feature in explained.TopFeatures)
        {
            Assert.Contains(JsonSerializer.Serialize(feature.Label), featuresOption);
        }

        Assert.Equal(["profile", "window_scale"], cut.FindAll("[data-table='static-weights'] tbody tr").Select(r => r.GetAttribute("data-feature")));
        Assert.Contains(explained.AttentionSummary, cut.Find("[data-attention-summary]").TextContent);
    }

    [Fact]
    public void Render_TftFleet_CounterfactualRowsShowTheModelsBeforeAndAfterRisk()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 22);
        Forecasters.Swap(new TftForecaster(model));
        var published = ModelSnapshots.Create();

        // Act
        var cut = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-table='counterfactuals'] tbody tr")));

        // Assert
        var explained = Services.GetRequiredService<InsightsService>().TryAnswer(published, published.Snapshot.Summary.Top5[0])!.Model!;
        var rows = cut.FindAll("[data-table='counterfactuals'] tbody tr");
        Assert.Equal(explained.Counterfactuals.Select(c => c.Metric), rows.Select(r => r.GetAttribute("data-counterfactual")));
        var memory = explained.Counterfactuals.Single(c => c.Metric == "mem_used_pct");
        var cells = cut.Find("[data-counterfactual='mem_used_pct']").QuerySelectorAll("td").Select(c => c.TextContent).ToArray();
        Assert.Equal(DisplayFormat.Score(memory.RiskBefore), cells[2]);
        Assert.Equal(DisplayFormat.Score(memory.RiskAfter), cells[3]);
        Assert.Contains("If mem_used_pct had been 20 points lower", cells[5]);
    }

    [Fact]
    public void PickServer_FromMatches_ExplainsThatServerAndReportsTheSelection()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 23);
        Forecasters.Swap(new TftForecaster(model));
        var published = ModelSnapshots.Create();
        string? reported = null;
        var cut = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published).Add(t => t.SelectedServerChanged, s => reported = s));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-insights-server]")));
        var other = published.Snapshot.Summary.Top5[2];

        // Act
        cut.Find($"[data-server='{other}']").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(other, cut.Find("[data-insights-server]").GetAttribute("data-insights-server")));
        Assert.Equal(other, reported);
        Assert.Equal("true", cut.Find("[data-tab='insights']").GetAttribute("data-ready"));
    }

    [Fact]
    public void Render_SameSnapshotAgain_ShowsCachedExplanationWithoutWaiting()
    {
        // Arrange: a first visit computes the explanation.
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 24);
        Forecasters.Swap(new TftForecaster(model));
        var published = ModelSnapshots.Create();
        var first = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published));
        first.WaitForAssertion(() => Assert.Equal("true", first.Find("[data-tab='insights']").GetAttribute("data-ready")));
        var counterfactuals = first.Find("[data-table='counterfactuals']").OuterHtml;

        // Act: the tab is entered again (a new component instance).
        var again = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published));

        // Assert: ready on its first render, with the same numbers.
        Assert.Equal("true", again.Find("[data-tab='insights']").GetAttribute("data-ready"));
        Assert.Equal(counterfactuals, again.Find("[data-table='counterfactuals']").OuterHtml);
    }

    [Fact]
    public void Render_SelectedServerWarmingUp_SaysTheWarmUpBaselineServesIt()
    {
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 25);
        Forecasters.Swap(new TftForecaster(model));
        var published = ModelSnapshots.Create(warmingUp: ["ppweb001"]);

        var cut = Render<InsightsTab>(p => p.Add(t => t.Snapshot, published).Add(t => t.SelectedServer, "ppweb001"));

        Assert.Equal("true", cut.Find("[data-tab='insights']").GetAttribute("data-ready"));
        var message = cut.Find("[data-insights-status='serverunavailable']").TextContent;
        Assert.Contains("fake-warmup", message);
        Assert.Contains("ppweb001", message);
        Assert.Empty(cut.FindAll("[data-chart]"));
        Assert.NotEmpty(cut.FindAll("[data-server]"));
    }

    [Fact]
    public void NewSnapshot_SameServer_KeepsShowingLastExplanationThenShowsTheNewOne()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 26);
        Forecasters.Swap(new TftForecaster(model));
        var cut = Render<InsightsTab>(p => p.Add(t => t.Snapshot, ModelSnapshots.Create(version: 1)));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-tab='insights']").GetAttribute("data-ready")));
        var second = ModelSnapshots.Create(version: 2);

        // Act
        cut.Render(p => p.Add(t => t.Snapshot, second));

        // Assert: never back to "waiting"; the new version's explanation arrives.
        Assert.Equal("true", cut.Find("[data-tab='insights']").GetAttribute("data-ready"));
        cut.WaitForAssertion(() => Assert.NotNull(Services.GetRequiredService<InsightsService>().TryAnswer(second, second.Snapshot.Summary.Top5[0])?.Model));
        cut.WaitForAssertion(() => Assert.Contains("snapshot 2", cut.Find("[data-tab='insights']").TextContent));
    }
}
