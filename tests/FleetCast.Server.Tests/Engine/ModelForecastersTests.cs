using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Engine;

public sealed class ModelForecastersTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fleetcast-model-tests", Guid.NewGuid().ToString("N"));

    private static TftConfig SmallConfig() => new()
    {
        LookbackSteps = 16,
        HorizonSteps = 12,
        SeasonSteps = 12,
        HiddenSize = 8,
        VariableSize = 4,
        AttentionHeads = 2,
    };

    private static ForecastOptions Options(string? modelDir) => new() { ModelDir = modelDir, HorizonSteps = 12, Threads = 1 };

    [Fact]
    public void Create_NoModelDirectory_UsesBaselineWithoutReload()
    {
        var baseline = new FakeForecaster("baseline", minHistorySteps: 1);

        var set = ModelForecasters.Create(Options(null), baseline, new FakeForecaster("warm", minHistorySteps: 1), NullLogger.Instance);

        Assert.Same(baseline, set.Primary);
        Assert.False(set.CanReload);
    }

    [Fact]
    public void Create_DirectoryWithoutModel_KeepsBaselineButCanReloadLater()
    {
        Directory.CreateDirectory(_directory);
        var baseline = new FakeForecaster("baseline", minHistorySteps: 1);

        var set = ModelForecasters.Create(Options(_directory), baseline, new FakeForecaster("warm", minHistorySteps: 1), NullLogger.Instance);

        Assert.Same(baseline, set.Primary);
        Assert.True(set.CanReload);
    }

    [Fact]
    public async Task ReloadAsync_ModelAppearsThenBreaks_SwapsInTftThenKeepsItOnFailure()
    {
        Directory.CreateDirectory(_directory);
        var baseline = new FakeForecaster("baseline", minHistorySteps: 1);
        var set = ModelForecasters.Create(Options(_directory), baseline, new FakeForecaster("warm", minHistorySteps: 1), NullLogger.Instance);
        using (var model = TftModel.Create(SmallConfig(), seed: 3))
        {
            model.Save(_directory);
        }

        var loaded = await set.ReloadAsync();
        File.WriteAllText(Path.Combine(_directory, TftModel.ManifestFile), "{ \"contractVersion\": 1 }");
        var failure = await Assert.ThrowsAsync<ModelLoadException>(() => set.ReloadAsync());

        Assert.Equal("tft", loaded.Name);
        Assert.Same(loaded, set.Primary);
        Assert.Contains(TftModel.ManifestFile, failure.Message);
        ((TftForecaster)loaded).Dispose();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
