using FleetCast.Core.Alerts;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Tests.Dashboard.Shared;

/// <summary>Hand-built forecast-quality reports with known numbers, and a source that serves one.</summary>
public static class TestQualityReports
{
    private static readonly HorizonBucket[] Buckets = [new("0–1 h ahead", 1, 12), new("1–4 h ahead", 13, 48), new("4–8 h ahead", 49, 96)];

    /// <summary>A baseline primary, nothing matured yet, no drift, no evaluation.</summary>
    public static ModelQualityReport Baseline() => new(
        TestSnapshots.DataTime,
        new ModelCard("holt-winters", false, "No trained model is loaded: the server forecasts with the \"holt-winters\" baseline.", null, null, null, null, null, null, null, null, null),
        null,
        "No trained model is loaded, so there is no held-out evaluation of it.",
        Live([]),
        new DriftStatus(false, "No trained model is loaded: the \"holt-winters\" baseline has no training distribution, so input drift cannot be measured.", null, null));

    /// <summary>The TFT with matured scores in the first two buckets (the third has too few points), drift and evaluation.</summary>
    public static ModelQualityReport Model()
    {
        var tft = new LiveForecasterAccuracy("tft", Bucket("all", 1, 96, 3_000, 0.25, 0.81, 4.2),
        [
            Bucket(Buckets[0].Label, 1, 12, 1_600, 0.125, 0.79, 3.5),
            Bucket(Buckets[1].Label, 13, 48, 1_388, 0.3, 0.83, 5.25),
            new LiveBucketAccuracy(Buckets[2].Label, 49, 96, 12, false, 0.9, new PinballLosses(0.9, 0.9, 0.9), 0.5, new Dictionary<string, double> { ["cpu_user_pct"] = 99 }),
        ]);
        var drift = new InputDriftReport(288, 90,
        [
            new MetricDrift("cpu_user_pct", 0.05, "stable", 25_920, 30.2, 31.0, [0, 50, 100], [0.5, 0.5], [0.48, 0.52]),
            new MetricDrift("mem_used_pct", 0.4, "significant", 25_920, 55.0, 80.0, [0, 50, 100], [0.5, 0.5], [0.1, 0.9]),
            new MetricDrift("swap_used_pct", null, "no-data", 0, null, null, [], [], []),
        ]);
        var evaluation = new EvaluationReport(7, 5, 30, 300, 96,
        [
            new ForecasterScore("tft", 0.223, new PinballLosses(0.18, 0.33, 0.16), new Dictionary<string, double>(), 0.775, new IncidentScore(34, 12, 445, 1.54, 24, 10)),
            new ForecasterScore("holt-winters", 0.41, new PinballLosses(0.3, 0.6, 0.33), new Dictionary<string, double>(), 0.71, new IncidentScore(34, 9, null, 2.1, 24, 7)),
        ]);
        var training = new ModelTrainingSummary(1, 1, 24, 40, 16_840, 1_000, 24, 24, "time-budget", 0.504, 0.3733, [0.85, 0.504], [0.56, 0.3733], 543, 2,
            new DateTimeOffset(2026, 11, 28, 23, 24, 58, TimeSpan.Zero));
        var card = new ModelCard("tft", true, "The TFT model is forecasting.", 2, 105_014, 300, 96, 96, [0.1, 0.5, 0.9], "per server and metric",
            new DateTimeOffset(2026, 11, 28, 23, 24, 58, TimeSpan.Zero), training);
        return new ModelQualityReport(TestSnapshots.DataTime, card, evaluation, "Held-out evaluation shipped with the model.", Live([tft]),
            new DriftStatus(true, "PSI of the newest 288 steps of 90 live servers.", TestSnapshots.DataTime, drift));
    }

    private static LiveAccuracyReport Live(IReadOnlyList<LiveForecasterAccuracy> forecasters) =>
        new(300, 96, 12, 4, 500, 8, 720, 2_950_000, Buckets, forecasters);

    private static LiveBucketAccuracy Bucket(string label, int from, int to, long points, double pinball, double coverage, double cpuMae) =>
        new(label, from, to, points, points >= 500, pinball, new PinballLosses(pinball, pinball, pinball), coverage,
            new Dictionary<string, double> { ["cpu_user_pct"] = cpuMae, ["mem_used_pct"] = cpuMae * 2 });
}

public sealed class FakeModelQualitySource(ModelQualityReport report) : IModelQualitySource
{
    public ModelQualityReport Current { get; set; } = report;
}

public sealed class FakeAlertOutcomeSource : IAlertOutcomeSource
{
    public IReadOnlyList<AlertOutcomeCounts> AlertOutcomes { get; set; } =
        AlertOutcomeCounts.None;
}
