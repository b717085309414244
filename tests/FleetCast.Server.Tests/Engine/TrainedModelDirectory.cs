using System.Text.Json;
using System.Text.Json.Nodes;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Engine;

/// <summary>A small TFT saved to a temp directory with a hand-made training report and input statistics
/// in its manifest, and (optionally) an evaluation/report.json beside it.</summary>
internal sealed class TrainedModelDirectory : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TrainedModelDirectory(IReadOnlyList<MetricInputStatistics> statistics, EvaluationReport? evaluation)
    {
        using (var model = TftModel.Create(new TftConfig
        {
            LookbackSteps = 16,
            HorizonSteps = 8,
            SeasonSteps = 8,
            HiddenSize = 8,
            VariableSize = 4,
            AttentionHeads = 2,
            Dropout = 0,
        }, seed: 3))
        {
            model.Save(_directory.Path);
        }

        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var manifestPath = System.IO.Path.Combine(_directory.Path, TftModel.ManifestFile);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        manifest["inputStatistics"] = JsonSerializer.SerializeToNode(statistics, web);
        manifest["training"] = JsonSerializer.SerializeToNode(Training, web);
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        if (evaluation is not null)
        {
            EvaluationReportWriter.Write(evaluation, System.IO.Path.Combine(_directory.Path, "evaluation"));
        }
    }

    public string Path => _directory.Path;

    public static TftTrainingReport Training { get; } = new()
    {
        Seed = 1,
        DataSeed = 1,
        Days = 24,
        Servers = 40,
        StrideSteps = 12,
        TrainWindows = 16_840,
        ValidationWindows = 1_000,
        ValidationStartStep = 5_530,
        Epochs = 3,
        BestEpoch = 2,
        TrainLosses = [0.9, 0.7, 0.6],
        ValidationLosses = [0.5, 0.4, 0.45],
        BestValidationLoss = 0.4,
        StopReason = "max-epochs",
        TrainingSeconds = 120,
        TrainWindowsPerSecond = 140,
        Threads = 2,
        ProcessorCount = 2,
        OperatingSystem = "test",
        Runtime = "test",
        FinishedAt = new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero),
    };

    public static EvaluationReport Evaluation { get; } = new(7, 3, 30, 300, 96,
    [
        new ForecasterScore("tft", 0.22, new PinballLosses(0.18, 0.32, 0.16), new Dictionary<string, double> { ["cpu_user_pct"] = 8.5 }, 0.77,
            new IncidentScore(34, 12, 445, 1.54, 24, 10)),
        new ForecasterScore("holt-winters", 0.41, new PinballLosses(0.3, 0.6, 0.33), new Dictionary<string, double> { ["cpu_user_pct"] = 12.1 }, 0.71,
            new IncidentScore(34, 9, null, 2.1, 24, 7)),
    ]);

    public void Dispose() => _directory.Dispose();
}
