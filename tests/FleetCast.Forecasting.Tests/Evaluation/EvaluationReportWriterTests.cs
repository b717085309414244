using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Json;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

public sealed class EvaluationReportWriterTests
{
    private static EvaluationReport Report()
    {
        var data = IncidentDataset.Create();
        var evaluator = new ForecastEvaluator(new EvaluationOptions { LookbackSteps = 48, Alerts = (_, _) => [] });
        return evaluator.Evaluate(data, [new OracleForecaster(data, "tft"), new OracleForecaster(data, "linear-trend", 1f)]);
    }

    [Fact]
    public void ToJson_Report_HasDesignShapeInCamelCase()
    {
        // Act
        using var document = JsonDocument.Parse(EvaluationReportWriter.ToJson(Report()));

        // Assert
        var root = document.RootElement;
        Assert.Equal(["seed", "days", "servers", "stepSeconds", "horizonSteps", "forecasters", "operatingPoint"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(96, root.GetProperty("horizonSteps").GetInt32());
        var forecaster = root.GetProperty("forecasters")[0];
        Assert.Equal(
            ["name", "pinballMean", "pinball", "p50Mae", "coverage80", "incidents", "alertCurve", "recallAtBudget", "recallAtBudgetSetting", "persistentCriticalRecoveryRate", "persistentCriticalCases", "sustainedCriticalCases", "sustainedCriticalForecastStay", "sustainedCriticalActualStay", "sustainedCriticalBeyondMedian"],
            forecaster.EnumerateObject().Select(p => p.Name));
        Assert.Equal("tft", forecaster.GetProperty("name").GetString());
        Assert.Equal(["p10", "p50", "p90"], forecaster.GetProperty("pinball").EnumerateObject().Select(p => p.Name));
        Assert.True(forecaster.GetProperty("p50Mae").TryGetProperty("cpu_user_pct", out _));
        Assert.Equal(
            ["total", "flaggedAhead", "medianLeadMinutes", "falseAlertsPerServerDay", "injectedTotal", "injectedFlaggedAhead"],
            forecaster.GetProperty("incidents").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void ToJson_SweptReport_WritesCurveAndRecallAtBudgetPerForecaster()
    {
        // Arrange
        var data = IncidentDataset.Create();
        var sweep = AlertSettingGrid.Create(96, AlertRuleOptions.Default).Take(3).ToList();
        var report = new ForecastEvaluator(new EvaluationOptions { LookbackSteps = 48, AlertSweep = sweep }).Evaluate(data, [new OracleForecaster(data, "tft")]);

        // Act
        using var document = JsonDocument.Parse(EvaluationReportWriter.ToJson(report));

        // Assert
        var forecaster = document.RootElement.GetProperty("forecasters")[0];
        var point = forecaster.GetProperty("alertCurve")[0];
        Assert.Equal(["setting", "falseAlertsPerServerDay", "injectedRecall", "medianLeadMinutes"], point.EnumerateObject().Select(p => p.Name));
        Assert.Equal(sweep[0].Name, point.GetProperty("setting").GetString());
        Assert.Equal(["0.1", "0.2", "0.5"], forecaster.GetProperty("recallAtBudget").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["0.1", "0.2", "0.5"], forecaster.GetProperty("recallAtBudgetSetting").EnumerateObject().Select(p => p.Name));
        Assert.Contains("## Alert sensitivity sweep", EvaluationReportWriter.ToMarkdown(report));
    }

    [Fact]
    public void Deserialize_ReportWrittenBeforeSweeps_LoadsWithTheNewPropertiesNull()
    {
        // Arrange: the shape of report.json before alert sweeps and recovery rates.
        const string old = """
            { "seed": 7, "days": 7, "servers": 30, "stepSeconds": 300, "horizonSteps": 96,
              "forecasters": [ { "name": "tft", "pinballMean": 0.27, "pinball": { "p10": 0.24, "p50": 0.36, "p90": 0.21 },
                                 "p50Mae": { "cpu_user_pct": 7.4 }, "coverage80": 0.79,
                                 "incidents": { "total": 263, "flaggedAhead": 138, "medianLeadMinutes": 27.5,
                                                "falseAlertsPerServerDay": 1.06, "injectedTotal": 145, "injectedFlaggedAhead": 85 } } ] }
            """;

        // Act
        var report = JsonSerializer.Deserialize<EvaluationReport>(old, FleetJson.Options)!;

        // Assert
        var score = Assert.Single(report.Forecasters);
        Assert.Equal((0.27, 85), (score.PinballMean, score.Incidents.InjectedFlaggedAhead));
        Assert.Null(report.OperatingPoint);
        Assert.Null(score.AlertCurve);
        Assert.Null(score.RecallAtBudget);
        Assert.Null(score.PersistentCriticalRecoveryRate);
        Assert.Null(score.PersistentCriticalCases);
    }

    [Fact]
    public void Write_Directory_WritesJsonAndMarkdownStatingTheData()
    {
        // Arrange
        var directory = Path.Combine(Path.GetTempPath(), $"fleetcast-report-{Guid.NewGuid():N}");
        try
        {
            // Act
            var (jsonPath, markdownPath) = EvaluationReportWriter.Write(Report(), directory);

            // Assert
            Assert.Equal(Path.Combine(directory, "report.json"), jsonPath);
            Assert.True(File.Exists(jsonPath));
            var markdown = File.ReadAllText(markdownPath);
            Assert.Contains("seed 7", markdown);
            Assert.Contains("1 servers", markdown);
            Assert.Contains("critical: steps 10–40", markdown);
            Assert.Contains("| tft |", markdown);
            Assert.Contains("| linear-trend |", markdown);
            Assert.Contains("| cpu_user_pct | % |", markdown);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
