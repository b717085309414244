using FleetCast.Forecasting.Live;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Engine;

public sealed class ModelQualityTrackerTests
{
    // Training saw cpu_user_pct only at 90–100 %; the test snapshots' windows hold 0–22 %.
    private static readonly MetricInputStatistics HotCpu = new("cpu_user_pct", 1000, 95, 3,
        Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray(), [0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0]);

    private static ModelQualityTracker Tracker(FakeSnapshotSource source, ForecasterSet forecasters, string? modelDir = null) =>
        new(source, forecasters, new ModelQualityOptions
        {
            Scoring = new LiveScoreOptions { HorizonSteps = 6, LookbackSteps = 4 },
            ModelDir = modelDir,
        }, NullLogger<ModelQualityTracker>.Instance);

    [Fact]
    public void Current_BaselinePrimary_SaysNoModelNoDriftNoEvaluation()
    {
        var tracker = Tracker(new FakeSnapshotSource(), new ForecasterSet(new FakeForecaster("holt-winters"), new FakeForecaster("linear-trend")));

        tracker.Observe(TestSnapshots.Create(forecaster: "holt-winters"));
        var report = tracker.Current;

        Assert.False(report.Model.IsModel);
        Assert.Contains("holt-winters", report.Model.Message);
        Assert.Null(report.Model.ParameterCount);
        Assert.False(report.Drift.Available);
        Assert.Contains("no training distribution", report.Drift.Message);
        Assert.Null(report.Drift.Report);
        Assert.Null(report.Evaluation);
        Assert.Equal(TestSnapshots.DataTime, report.DataTime);
    }

    [Fact]
    public void Observe_TrainedModelWithStatistics_MeasuresDriftAndShowsCardAndEvaluation()
    {
        using var directory = new TrainedModelDirectory([HotCpu], TrainedModelDirectory.Evaluation);
        using var tft = TftForecaster.Load(directory.Path);
        var tracker = Tracker(new FakeSnapshotSource(), new ForecasterSet(tft, new FakeForecaster("linear-trend")), directory.Path);

        tracker.Observe(TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true));
        var report = tracker.Current;

        Assert.True(report.Model.IsModel);
        Assert.Equal(tft.Model.Manifest.ContractVersion, report.Model.ContractVersion);
        Assert.Equal(tft.Model.ParameterCount, report.Model.ParameterCount);
        Assert.Equal(3, report.Model.Training!.Epochs);
        Assert.Equal(0.6, report.Model.Training.FinalTrainLoss);
        Assert.True(report.Drift.Available);
        var cpu = report.Drift.Report!.Metrics.Single(m => m.Metric == "cpu_user_pct");
        Assert.Equal("significant", cpu.Status);
        Assert.True(cpu.Psi > PopulationStability.SignificantShift);
        Assert.Equal("no-data", report.Drift.Report.Metrics.Single(m => m.Metric == "mem_used_pct").Status);
        Assert.Equal(12, report.Drift.Report.Servers);
        Assert.Equal(["tft", "holt-winters"], report.Evaluation!.Forecasters.Select(f => f.Name));
        Assert.Equal(12, report.Evaluation.Forecasters[0].Incidents.FlaggedAhead);
    }

    [Fact]
    public void Current_ModelWithoutEvaluationReport_SaysWhereItLooked()
    {
        using var directory = new TrainedModelDirectory([HotCpu], evaluation: null);
        using var tft = TftForecaster.Load(directory.Path);
        var tracker = Tracker(new FakeSnapshotSource(), new ForecasterSet(tft, new FakeForecaster("linear-trend")), directory.Path);

        var report = tracker.Current;

        Assert.Null(report.Evaluation);
        Assert.Contains("no evaluation report", report.EvaluationMessage);
    }

    [Fact]
    public void Current_UntrainedModel_DriftUnavailableBecauseNoStatistics()
    {
        using var model = TftModel.Create(new TftConfig { LookbackSteps = 16, HorizonSteps = 8, SeasonSteps = 8, HiddenSize = 8, VariableSize = 4, AttentionHeads = 2 });
        var tracker = Tracker(new FakeSnapshotSource(), new ForecasterSet(new TftForecaster(model), new FakeForecaster("linear-trend")));

        tracker.Observe(TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true));

        Assert.False(tracker.Current.Drift.Available);
        Assert.Contains("never trained", tracker.Current.Drift.Message);
        Assert.Contains("never trained", tracker.Current.Model.Message);
    }

    [Fact]
    public void Current_PrimarySwappedToModel_CardFollowsWithoutWaitingForAStep()
    {
        using var directory = new TrainedModelDirectory([HotCpu], TrainedModelDirectory.Evaluation);
        using var tft = TftForecaster.Load(directory.Path);
        var forecasters = new ForecasterSet(new FakeForecaster("holt-winters"), new FakeForecaster("linear-trend"));
        var tracker = Tracker(new FakeSnapshotSource(), forecasters, directory.Path);
        tracker.Observe(TestSnapshots.Create(forecaster: "holt-winters"));

        forecasters.Swap(tft);

        Assert.True(tracker.Current.Model.IsModel);
        Assert.NotNull(tracker.Current.Evaluation);
    }

    [Fact]
    public async Task StartAsync_SnapshotPublished_ObservedThroughSubscription()
    {
        var source = new FakeSnapshotSource();
        using var tracker = Tracker(source, new ForecasterSet(new FakeForecaster("holt-winters"), new FakeForecaster("linear-trend")));
        await tracker.StartAsync(CancellationToken.None);

        source.Publish(TestSnapshots.Create(forecaster: "holt-winters"));
        await tracker.StopAsync(CancellationToken.None);

        Assert.Equal(TestSnapshots.DataTime, tracker.Current.DataTime);
        Assert.Equal(0, source.SubscriberCount);
    }
}
