using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Live;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;
using FleetCast.Server.Engine;
using FleetCast.Server.Retraining;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Tests.Retraining;

public sealed class RetrainingJobTests(TinyModels models) : IClassFixture<TinyModels>
{
    [Fact]
    public async Task ShiftedFleet_DriftRaisedPersistently_AutoJobAdoptsTheBetterCandidate()
    {
        using var harness = new RetrainingHarness(models.CalmDirectory);
        await harness.StoreAsync(ShiftedFleet.Shifted(servers: 5, days: 4, seed: 7));
        var serving = harness.Forecasters.Primary;
        var before = harness.Registry.Active!;

        // The serving model's saved training inputs against the stored (shifted) fleet's newest day.
        var drift = MeasureDrift(harness);
        var drifted = drift.Metrics.Where(m => m.Status == "significant").Select(m => m.Metric).ToArray();
        var started = new List<RetrainingJobView?>();
        for (var i = 1; i <= 3; i++)
        {
            harness.Quality.Current = harness.Quality.Current with { Drift = new DriftStatus(true, "test", DateTimeOffset.UnixEpoch.AddHours(i), drift) };
            started.Add(harness.Service.CheckAuto());
        }

        Assert.Contains("cpu_user_pct", drifted);
        Assert.Contains("mem_used_pct", drifted);
        Assert.Null(started[0]);
        Assert.Null(started[1]);
        Assert.StartsWith("auto: input drift:", started[2]!.Trigger);
        var job = await harness.FinishAsync(started[2]!);
        Assert.True(job.State == "adopted", job.Message);
        Assert.True(job.Candidate!.PinballMean < job.Current!.PinballMean, job.Message);
        var active = harness.Registry.Active!;
        Assert.Equal(job.ModelId, active.Id);
        Assert.NotEqual(before.Id, active.Id);
        Assert.Equal("adopted", active.Report!.Decision);
        Assert.Equal(job.Candidate, active.Report.HeldOut);
        Assert.Equal(job.Current, active.Report.CurrentHeldOut);
        Assert.Equal(active.Path, harness.Forecasters.ModelDirectory);
        Assert.NotSame(serving, harness.Forecasters.Primary);

        // Guard rail: drift goes on, but the minimum interval holds the next automatic job back.
        for (var i = 4; i <= 7; i++)
        {
            harness.Quality.Current = harness.Quality.Current with { Drift = new DriftStatus(true, "test", DateTimeOffset.UnixEpoch.AddHours(i), drift) };
            Assert.Null(harness.Service.CheckAuto());
        }

        Assert.NotNull(harness.Service.Status.NextAutoAllowedAt);
    }

    [Fact]
    public void CheckAuto_AutoOff_DriftStartsNothing()
    {
        using var harness = new RetrainingHarness(models.CurrentDirectory, tune: o => o.Auto = false);
        var started = new List<RetrainingJobView?>();
        for (var i = 1; i <= 4; i++)
        {
            harness.Quality.Current = harness.Quality.Current with { Drift = new DriftStatus(true, "test", DateTimeOffset.UnixEpoch.AddHours(i), Significant()) };
            started.Add(harness.Service.CheckAuto());
        }

        Assert.All(started, Assert.Null);
        Assert.Equal(4, harness.Service.Status.Consecutive);
        Assert.Null(harness.Service.Status.Job);
    }

    [Fact]
    public async Task InjectedWorseCandidate_RejectedAndRecorded_CurrentStaysActive()
    {
        using var harness = new RetrainingHarness(models.CurrentDirectory, new UntrainedCandidateTrainer());
        await harness.StoreAsync(ShiftedFleet.Shifted(servers: 5, days: 4, seed: 7));
        var serving = harness.Forecasters.Primary;
        var before = harness.Registry.Active!;

        var job = await harness.FinishAsync(harness.Service.TryStart("manual")!);

        Assert.True(job.State == "rejected", job.Message);
        Assert.True(job.Candidate!.PinballMean > job.Current!.PinballMean);
        Assert.StartsWith("Rejected: worse than the serving model", job.Message);
        Assert.Equal(before.Id, harness.Registry.Active!.Id);
        Assert.Same(serving, harness.Forecasters.Primary);
        var rejected = harness.Registry.List().Single(m => m.Id == job.ModelId);
        Assert.False(rejected.Active);
        Assert.Equal("rejected", rejected.Report!.Decision);
        Assert.Equal(job.Message, rejected.Report.Reason);
    }

    [Fact]
    public async Task TryStart_WhileAJobRuns_StartsNothing()
    {
        var trainer = new BlockingCandidateTrainer();
        using var harness = new RetrainingHarness(models.CurrentDirectory, trainer);
        await harness.StoreAsync(ShiftedFleet.Simulate(servers: 2, days: 4, seed: 7));

        var first = harness.Service.TryStart("manual")!;
        Assert.True(trainer.Entered.Wait(TimeSpan.FromSeconds(30)));
        var second = harness.Service.TryStart("manual");
        trainer.Release.Set();
        var ended = await harness.FinishAsync(first);

        Assert.Null(second);
        Assert.Equal("failed", ended.State);
        Assert.NotNull(harness.Service.TryStart("manual"));
    }

    [Fact]
    public async Task TooLittleStoredData_JobEndsInsufficientNamingWhatIsMissing()
    {
        using var harness = new RetrainingHarness(models.CurrentDirectory);
        await harness.StoreAsync(ShiftedFleet.Simulate(servers: 1, days: 4, seed: 7));
        var serving = harness.Forecasters.Primary;

        var job = await harness.FinishAsync(harness.Service.TryStart("manual")!);

        Assert.Equal("insufficient-data", job.State);
        Assert.StartsWith("Training on stored samples needs ≥ 2 servers with ≥ 2 days of samples each; found 1 such server of 1 stored", job.Message);
        Assert.Same(serving, harness.Forecasters.Primary);
        Assert.Single(harness.Registry.List());
    }

    private static InputDriftReport Significant() => new(288, 3,
        [.. new[] { "cpu_user_pct", "mem_used_pct" }.Select(m => new MetricDrift(m, 0.5, "significant", 100, 1, 2, [], [], []))]);

    private static InputDriftReport MeasureDrift(RetrainingHarness harness)
    {
        var dataset = StoredFleetDataset.Read(harness.Database, 300);
        var cutter = new DatasetWindows(dataset);
        var windows = Enumerable.Range(0, dataset.Servers.Count).Select(s => cutter.ToServerWindow(s, dataset.Steps - 1, 288)!).ToArray();
        var statistics = ((TftForecaster)harness.Forecasters.Primary).Model.Manifest.InputStatistics!;
        return InputDriftMeter.Measure(statistics, windows, 288);
    }

    /// <summary>A deliberately bad candidate: the serving configuration with untrained weights.</summary>
    private sealed class UntrainedCandidateTrainer : ICandidateTrainer
    {
        public TftTrainingReport Train(Core.Datasets.FleetDataset training, TftModel? current, string outputDirectory, Action<TftTrainingProgress> progress,
            CancellationToken cancellationToken)
        {
            using var model = TftModel.Create(current!.Config, seed: 99);
            model.Save(outputDirectory);
            return current.Manifest.Training!;
        }
    }

    private sealed class BlockingCandidateTrainer : ICandidateTrainer
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public TftTrainingReport Train(Core.Datasets.FleetDataset training, TftModel? current, string outputDirectory, Action<TftTrainingProgress> progress,
            CancellationToken cancellationToken)
        {
            Entered.Set();
            Release.Wait(cancellationToken);
            throw new InvalidOperationException("stopped by the test");
        }
    }
}
