using System.Text.Json;
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
        Assert.Equal(["seed", "days", "servers", "stepSeconds", "horizonSteps", "forecasters"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(96, root.GetProperty("horizonSteps").GetInt32());
        var forecaster = root.GetProperty("forecasters")[0];
        Assert.Equal(["name", "pinballMean", "pinball", "p50Mae", "coverage80", "incidents"], forecaster.EnumerateObject().Select(p => p.Name));
        Assert.Equal("tft", forecaster.GetProperty("name").GetString());
        Assert.Equal(["p10", "p50", "p90"], forecaster.GetProperty("pinball").EnumerateObject().Select(p => p.Name));
        Assert.True(forecaster.GetProperty("p50Mae").TryGetProperty("cpu_user_pct", out _));
        Assert.Equal(
            ["total", "flaggedAhead", "medianLeadMinutes", "falseAlertsPerServerDay", "injectedTotal", "injectedFlaggedAhead"],
            forecaster.GetProperty("incidents").EnumerateObject().Select(p => p.Name));
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
