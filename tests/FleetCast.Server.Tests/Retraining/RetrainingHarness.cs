using FleetCast.Core.Datasets;
using FleetCast.Forecasting;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Retraining;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Retraining;

/// <summary>The retraining parts wired as the host wires them, on a temp database, serving <paramref name="currentDirectory"/>,
/// with a quality source the test sets and a small training configuration.</summary>
internal sealed class RetrainingHarness : IDisposable
{
    private readonly TempDatabase _data = new();

    public RetrainingHarness(string currentDirectory, ICandidateTrainer? trainer = null, Action<RetrainingOptions>? tune = null)
    {
        Samples = new SampleStore(Database);
        Forecast = new ForecastOptions { StepSeconds = 300, HorizonSteps = 8, LookbackSteps = 16, ModelDir = currentDirectory };
        Options = new RetrainingOptions
        {
            HeldOutDays = 1,
            MaxDays = 10,
            MinServers = 2,
            MinDays = 2,
            Epochs = 4,
            WindowsPerEpoch = 384,
            LearningRate = 5e-3,
            ValidationWindows = 32,
            ConsecutiveMeasurements = 3,
            DriftedMetrics = 2,
            Niceness = 0,
        };
        tune?.Invoke(Options);
        Forecasters = ModelForecasters.Create(Forecast, ForecasterCatalog.Create(ForecasterCatalog.HoltWinters), new FakeForecaster("warm-up"), NullLogger.Instance);
        Registry = new ModelRegistry(new ModelRegistryStore(Database), Forecasters, Forecast, TimeProvider.System, NullLogger<ModelRegistry>.Instance);
        Registry.RegisterStartupAsync().GetAwaiter().GetResult();
        Quality = new FakeModelQualitySource(TestQualityReports.Baseline());
        var run = new RetrainingRun(Database, Samples, Forecasters, Registry, trainer ?? new TftCandidateTrainer(Options, Forecast), Options, Forecast,
            _data.Combine("models"), TimeProvider.System);
        Service = new RetrainingService(run, Options, Quality, Registry, TimeProvider.System, NullLogger<RetrainingService>.Instance);
    }

    public SqliteDatabase Database => _data.Database;

    public SampleStore Samples { get; }

    public ForecastOptions Forecast { get; }

    public RetrainingOptions Options { get; }

    public ForecasterSet Forecasters { get; }

    public ModelRegistry Registry { get; }

    public FakeModelQualitySource Quality { get; }

    public RetrainingService Service { get; }

    public Task StoreAsync(FleetDataset dataset) => Samples.AppendAsync(ShiftedFleet.ToSamples(dataset));

    public async Task<RetrainingJobView> FinishAsync(RetrainingJobView started)
    {
        await Service.WaitForAsync(started.Id).WaitAsync(TimeSpan.FromMinutes(2));
        return Service.Job(started.Id)!;
    }

    public void Dispose()
    {
        Service.Dispose();
        _data.Dispose();
    }
}
