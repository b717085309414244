using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class TftTrainerTests
{
    private static TftTrainingOptions FastOptions(int epochs) => new()
    {
        Seed = 11,
        StrideSteps = 4,
        ValidationFraction = 0.25,
        BatchSize = 16,
        MaxEpochs = epochs,
        LearningRate = 5e-3,
        WarmupSteps = 2,
        Patience = 10,
        Threads = 1,
        TimeBudget = null,
    };

    [Fact]
    public void Train_SeededToySeries_TrainingLossDecreases()
    {
        var dataset = TftTestData.ToyFleet(servers: 4, steps: 160, seed: 1);
        var trainer = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 4));

        using var model = trainer.Train(dataset);

        var report = model.Manifest.Training!;
        Assert.Equal(4, report.Epochs);
        Assert.True(report.TrainLosses[^1] < report.TrainLosses[0] * 0.9, $"losses: {string.Join(", ", report.TrainLosses)}");
        Assert.True(report.BestValidationLoss <= report.ValidationLosses[0]);
        Assert.Equal(report.ValidationLosses.Min(), report.BestValidationLoss);
    }

    [Fact]
    public void Train_WithCheckpointDirectory_LeavesALoadableModelOfTheBestEpoch()
    {
        var dataset = TftTestData.ToyFleet(servers: 3, steps: 160, seed: 2);
        var directory = Path.Combine(Path.GetTempPath(), "fleetcast-checkpoint-" + Guid.NewGuid().ToString("N"));
        try
        {
            var trainer = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 2) with { CheckpointDirectory = directory });

            using var trained = trainer.Train(dataset);
            using var checkpoint = TftModel.Load(directory);

            var report = checkpoint.Manifest.Training!;
            Assert.Equal("checkpoint", report.StopReason);
            Assert.Equal(trained.Manifest.Training!.BestEpoch, report.BestEpoch);
            Assert.Equal(trained.Manifest.Training!.BestValidationLoss, report.BestValidationLoss);
            Assert.NotNull(checkpoint.Manifest.InputStatistics);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Train_ContinueFrom_StartsFromTheEarlierWeightsAndKeepsItsReport()
    {
        var dataset = TftTestData.ToyFleet(servers: 3, steps: 160, seed: 3);
        using var first = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 3)).Train(dataset);
        using var fresh = new TftTrainer(first.Config, FastOptions(epochs: 1)).Train(dataset);

        using var continued = new TftTrainer(first.Config, FastOptions(epochs: 1) with { ContinueFrom = first }).Train(dataset);

        var report = continued.Manifest.Training!;
        Assert.Equal(first.Manifest.Training!.Epochs, report.ContinuedFrom!.Epochs);
        Assert.True(report.ValidationLosses[0] < fresh.Manifest.Training!.ValidationLosses[0],
            $"continued {report.ValidationLosses[0]} vs fresh {fresh.Manifest.Training!.ValidationLosses[0]}");
    }

    [Fact]
    public void Train_SameSeedTwice_SameLosses()
    {
        var dataset = TftTestData.ToyFleet(servers: 3, steps: 120, seed: 2);
        var options = FastOptions(epochs: 1);

        using var first = new TftTrainer(TftTestData.SmallConfig(dropout: 0.1), options).Train(dataset);
        using var second = new TftTrainer(TftTestData.SmallConfig(dropout: 0.1), options).Train(dataset);

        // Same seed, same windows, same dropout masks; MKL kernels may differ in the last float bits.
        var firstLosses = first.Manifest.Training!.TrainLosses.Concat(first.Manifest.Training!.ValidationLosses);
        var secondLosses = second.Manifest.Training!.TrainLosses.Concat(second.Manifest.Training!.ValidationLosses);
        Assert.All(firstLosses.Zip(secondLosses), pair => Assert.Equal(pair.First, pair.Second, 1e-5));
    }

    [Fact]
    public void Train_Finished_ReportsDataMachineAndProgress()
    {
        var dataset = TftTestData.ToyFleet(servers: 3, steps: 120, seed: 3);
        var reports = new List<TftTrainingProgress>();
        var trainer = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 2) with { ProgressEveryBatches = 1 });

        using var model = trainer.Train(dataset, reports.Add);

        var report = model.Manifest.Training!;
        Assert.Equal(3, report.Servers);
        Assert.Equal(120 * 300 / 86_400.0, report.Days, 6);
        Assert.Equal(3, report.DataSeed);
        Assert.True(report.TrainWindows > 0 && report.ValidationWindows > 0);
        Assert.Equal(90, report.ValidationStartStep);
        Assert.True(report.ProcessorCount >= 1);
        Assert.False(string.IsNullOrEmpty(report.OperatingSystem));
        Assert.Equal(14, model.Manifest.InputStatistics.Count);
        Assert.All(model.Manifest.InputStatistics, s => Assert.Equal(1.0, s.BinFractions.Sum(), 6));
        Assert.Contains(reports, r => r.EpochCompleted && r.Epoch == 2 && r.ValidationLoss is not null);
        Assert.Contains(reports, r => !r.EpochCompleted && r.Batch >= 1);
        Assert.Equal(TimeSpan.Zero, reports[^1].EstimatedRemaining);
    }

    [Fact]
    public void Train_TinyTimeBudget_StopsAfterFirstBatchWithBestWeights()
    {
        var dataset = TftTestData.ToyFleet(servers: 3, steps: 120, seed: 4);
        var trainer = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 50) with { TimeBudget = TimeSpan.FromTicks(1) });

        using var model = trainer.Train(dataset);

        Assert.Equal("time-budget", model.Manifest.Training!.StopReason);
        Assert.Equal(1, model.Manifest.Training!.Epochs);
        Assert.True(double.IsFinite(model.Manifest.Training!.BestValidationLoss));
    }

    [Fact]
    public void Train_Cancelled_ThrowsOperationCanceled()
    {
        var dataset = TftTestData.ToyFleet(servers: 2, steps: 120, seed: 5);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var trainer = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 2));

        Assert.Throws<OperationCanceledException>(() => trainer.Train(dataset, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void Train_DatasetTooShort_ThrowsNamingTheNeed()
    {
        var dataset = TftTestData.ToyFleet(servers: 2, steps: 20, seed: 6);
        var trainer = new TftTrainer(TftTestData.SmallConfig(), FastOptions(epochs: 1));

        var error = Assert.Throws<ArgumentException>(() => trainer.Train(dataset));

        Assert.Contains("20 steps", error.Message);
    }

    [Fact]
    public void Constructor_InvalidOptions_ReportsEveryField()
    {
        var options = new TftTrainingOptions { BatchSize = 0, Threads = 0 };

        var error = Assert.Throws<ArgumentException>(() => new TftTrainer(TftTestData.SmallConfig(), options));

        Assert.Contains(nameof(TftTrainingOptions.BatchSize), error.Message);
        Assert.Contains(nameof(TftTrainingOptions.Threads), error.Message);
    }
}
