using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Tabs.Insights;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Insights;

public sealed class InsightsModelTests
{
    [Fact]
    public void From_ModelExplanation_KeepsTheModelsNumbersTopTwelveLargestFirst()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 11);
        var published = ModelSnapshots.Create();
        var detail = published.Details[published.Snapshot.Summary.Top5[0]];
        var explanation = Explain(model, detail);

        // Act
        var insights = InsightsModel.From(explanation, detail, "tft");

        // Assert
        Assert.Equal(InsightsModel.TopFeatureCount, insights.TopFeatures.Count);
        Assert.Equal(TftFeatures.EncoderFeatures.Count, insights.FeatureCount);
        var expected = explanation.EncoderImportance.OrderByDescending(f => f.Weight).Take(InsightsModel.TopFeatureCount).ToArray();
        Assert.Equal(expected.Select(f => f.Feature), insights.TopFeatures.Select(f => f.Feature));
        Assert.Equal(expected.Select(f => f.Weight), insights.TopFeatures.Select(f => f.Weight));
        Assert.Equal(["profile", "window_scale"], insights.StaticWeights.Select(f => f.Feature));
        Assert.Equal(1.0, insights.StaticWeights.Sum(f => f.Weight), 5);
        Assert.Equal(explanation.RiskScore, insights.RiskScore);
    }

    [Fact]
    public void From_ModelExplanation_TimesAttentionFromTheWindowsLastSteps()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 12);
        var published = ModelSnapshots.Create();
        var detail = published.Details.Values.First();
        var explanation = Explain(model, detail);

        // Act
        var insights = InsightsModel.From(explanation, detail, "tft");

        // Assert
        Assert.Equal(ModelSnapshots.LookbackSteps, insights.Attention.Count);
        Assert.Equal(detail.Window.LastStepTime, insights.Attention[^1].Time);
        Assert.Equal(detail.Window.LastStepTime.AddSeconds(-(ModelSnapshots.LookbackSteps - 1) * TestSnapshots.StepSeconds), insights.Attention[0].Time);
        Assert.Equal(explanation.LookbackAttention, insights.Attention.Select(a => a.Weight));
        Assert.StartsWith("16 steps × 5 min = 1 h 20 min ending 2026-11-28 14:05:00 UTC", insights.LookbackText);
    }

    [Fact]
    public void From_ModelExplanation_OneCounterfactualRowPerModelCounterfactual()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 13);
        var published = ModelSnapshots.Create();
        var detail = published.Details[published.Snapshot.Summary.Top5[0]];
        var explanation = Explain(model, detail);

        // Act
        var insights = InsightsModel.From(explanation, detail, "tft");

        // Assert
        Assert.NotEmpty(explanation.Counterfactuals);
        Assert.Equal(explanation.Counterfactuals.Select(c => (c.Metric, c.RiskBefore, c.RiskAfter, c.Text)),
            insights.Counterfactuals.Select(r => (r.Metric, r.RiskBefore, r.RiskAfter, r.Sentence)));
        var memory = Assert.Single(insights.Counterfactuals, r => r.Metric == "mem_used_pct");
        Assert.Contains("-20", memory.Edit);
        Assert.Equal(memory.RiskAfter - memory.RiskBefore, memory.Change);
    }

    [Theory]
    [InlineData("season_ago_mem_used_pct", 288, 300, "mem_used_pct 1 day earlier")]
    [InlineData("season_ago_cpu_user_pct", 8, 300, "cpu_user_pct 40 min earlier")]
    [InlineData("time_of_day_sin", 288, 300, "time of day (sin)")]
    [InlineData("window_scale", 288, 300, "level and spread of the history read")]
    [InlineData("disk_io_util_pct", 288, 300, "disk_io_util_pct")]
    public void FeatureLabel_ModelInputName_ReadableLabelInDataTime(string feature, int seasonSteps, int stepSeconds, string expected) =>
        Assert.Equal(expected, InsightsModel.FeatureLabel(feature, seasonSteps, stepSeconds));

    [Theory]
    [InlineData(300, "5 min")]
    [InlineData(3600, "1 h")]
    [InlineData(5400, "1 h 30 min")]
    [InlineData(172800, "2 days")]
    [InlineData(45, "45 s")]
    public void Duration_Seconds_ShortText(long seconds, string expected) =>
        Assert.Equal(expected, InsightsModel.Duration(seconds));

    [Fact]
    public void AttentionSummaryText_PeakAndLastHour_NamesPeakTimeAndShares()
    {
        // Arrange: 24 five-minute steps of weight 1, step 5 has weight 5 → total 28, last hour (12 steps) 12/28.
        var last = TestSnapshots.DataTime;
        var weights = Enumerable.Range(0, 24).Select(p => p == 5 ? 5.0 : 1.0).ToArray();
        var points = InsightsModel.AttentionTimes(weights, last, 300);

        // Act
        var text = InsightsModel.AttentionSummaryText(points, 300, 0.25);

        // Assert
        Assert.Contains($"Most attended step: {last.AddMinutes(-5 * 18):yyyy-MM-dd HH:mm:ss} UTC", text);
        Assert.Contains("The last 1 h of the look-back get 43%", text);
        Assert.Contains("25% of the attention goes to earlier horizon steps", text);
    }

    private static ServerExplanation Explain(TftModel model, ServerDetail detail) =>
        new ServerExplanations(ThresholdTable.Default, ScoringOptions.Default, Microsoft.Extensions.Options.Options.Create(new FleetCastOptions()))
            .Explain(new TftForecaster(model), detail, version: 1);
}
