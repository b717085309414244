using System.Text.Json;
using FleetCast.Dashboard.Tabs.Drift;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Drift;

public sealed class DriftModelTests
{
    [Fact]
    public void From_BaselineReport_NoChartsAndNotEnoughMessage()
    {
        var model = DriftModel.From(TestQualityReports.Baseline());

        Assert.Null(model.PinballChart);
        Assert.Null(model.CoverageChart);
        Assert.Null(model.DriftChart);
        Assert.StartsWith("Not enough matured forecasts yet", model.AccuracyMessage);
        Assert.Empty(model.Evaluation);
        Assert.Single(model.Card);
    }

    [Fact]
    public void From_InsufficientBucket_ScoresHiddenAndCountShownAgainstMinimum()
    {
        var row = DriftModel.From(TestQualityReports.Model()).Accuracy.Single(r => r.Horizon == "4–8 h ahead");

        Assert.False(row.Sufficient);
        Assert.Equal("12 of 500 needed", row.Points);
        Assert.Equal("–", row.Pinball);
        Assert.Equal("–", row.Coverage);
        Assert.Equal("–", row.CpuMae);
    }

    [Fact]
    public void From_ModelReport_CardListsContractParametersTrainingAndLosses()
    {
        var card = DriftModel.From(TestQualityReports.Model()).Card.ToDictionary(r => r.Label, r => r.Value);

        Assert.Equal("2", card["Data contract"]);
        Assert.Equal("105,014", card["Parameters"]);
        Assert.Contains("24 days × 40 servers (simulated, seed 1)", card["Training data"]);
        Assert.Equal("24 (best 24, stopped by time-budget)", card["Epochs"]);
        Assert.Contains("best validation 0.3733", card["Loss"]);
        Assert.Contains("9.1 min", card["Training time"]);
    }

    [Fact]
    public void From_ContinuedTraining_CardCountsTheEarlierEpochsAndTime()
    {
        var report = TestQualityReports.Model();
        var continued = report with
        {
            Model = report.Model with { Training = report.Model.Training! with { EarlierEpochs = 43, EarlierTrainingSeconds = 1_089 } },
        };

        var card = DriftModel.From(continued).Card.ToDictionary(r => r.Label, r => r.Value);

        Assert.Equal("24 (best 24, stopped by time-budget), continuing 43 earlier epochs", card["Epochs"]);
        Assert.Contains("9.1 min (+ 18.2 min earlier) on 2 threads", card["Training time"]);
    }

    [Fact]
    public void PsiChart_MeasuredMetricsOnly_WithGuideLinesAtPointOneAndQuarter()
    {
        var json = JsonSerializer.Serialize(DriftModel.From(TestQualityReports.Model()).DriftChart);

        Assert.Contains("\"xAxis\":0.1", json);
        Assert.Contains("\"xAxis\":0.25", json);
        Assert.Contains("mem_used_pct", json);
        Assert.DoesNotContain("swap_used_pct", json);
        Assert.Contains("#dc2626", json);
    }

    [Fact]
    public void PinballChart_InsufficientBucket_IsAGapNotAValue()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(DriftModel.From(TestQualityReports.Model()).PinballChart));

        var data = json.RootElement.GetProperty("series")[0].GetProperty("data");
        Assert.Equal(0.125, data[0].GetDouble());
        Assert.Equal(JsonValueKind.Null, data[2].ValueKind);
    }
}
