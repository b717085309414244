using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Retraining;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Retraining;

/// <summary>The registry across restarts: what serves after a start with the same configured model.</summary>
public sealed class ModelRegistryTests(TinyModels models) : IClassFixture<TinyModels>, IDisposable
{
    private readonly TempDatabase _data = new();
    private readonly ForecastOptions _forecast = new() { HorizonSteps = 8, ModelDir = models.CurrentDirectory };

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task RegisterStartup_AfterAnAdoption_ServesTheAdoptedModelAndRegistersTheConfiguredOnce()
    {
        var candidate = SaveCandidate();
        await AdoptAsync(candidate);

        var (forecasters, registry) = Start(_data.Reopen());
        await registry.RegisterStartupAsync();

        Assert.Equal(candidate, forecasters.ModelDirectory);
        Assert.Equal(2, registry.List().Count);
        Assert.Equal(candidate, registry.Active!.Path);
    }

    [Fact]
    public async Task RegisterStartup_ActiveModelNoLongerLoads_ServesTheConfiguredAndMakesItActive()
    {
        var candidate = SaveCandidate();
        await AdoptAsync(candidate);

        Directory.Delete(candidate, recursive: true);
        var (forecasters, registry) = Start(_data.Reopen());
        await registry.RegisterStartupAsync();

        Assert.Equal(Path.GetFullPath(models.CurrentDirectory), forecasters.ModelDirectory);
        Assert.Equal(Path.GetFullPath(models.CurrentDirectory), registry.Active!.Path);
    }

    private string SaveCandidate()
    {
        var directory = models.NewDirectory("candidate");
        using var model = TftModel.Create(TinyModels.Config, seed: 4);
        model.Save(directory);
        return directory;
    }

    /// <summary>The first start: registers the configured model, then adopts <paramref name="candidate"/>.</summary>
    private async Task AdoptAsync(string candidate)
    {
        var (_, registry) = Start(_data.Database);
        await registry.RegisterStartupAsync();
        await registry.AdoptAsync("candidate", candidate, new ModelReport("retrained", "adopted"));
    }

    private (ForecasterSet Forecasters, ModelRegistry Registry) Start(SqliteDatabase database)
    {
        var forecasters = ModelForecasters.Create(_forecast, ForecasterCatalog.Create(ForecasterCatalog.HoltWinters), new FakeForecaster("warm-up"), NullLogger.Instance);
        return (forecasters, new ModelRegistry(new ModelRegistryStore(database), forecasters, _forecast, TimeProvider.System, NullLogger<ModelRegistry>.Instance));
    }
}
