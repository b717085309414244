using System.Text.Json.Nodes;
using FleetCast.Core.Profiles;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class TftModelTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fleetcast-tft-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void SaveThenLoad_SameWindows_IdenticalForecasts()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(dropout: 0.1), seed: 21);
        var windows = new[] { TftTestData.Window("ppdb001", ServerProfile.Database, 28, 1), TftTestData.Window("ppweb001", ServerProfile.WebApi, 24, 2) };
        var before = new TftForecaster(model).Forecast(windows, 8);

        model.Save(_directory);
        using var loaded = TftForecaster.Load(_directory, threads: 1);
        var after = loaded.Forecast(windows, 8);

        var savedWeights = model.Network.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, weights) in loaded.Model.Network.named_parameters())
        {
            Assert.Equal(savedWeights[name].data<float>().ToArray(), weights.data<float>().ToArray());
        }

        // Identical weights and inputs; MKL's matrix kernels may still differ in the last bits between
        // two runs (memory alignment), so outputs are compared to a tolerance far below any real change.
        Assert.All(before.Zip(after), pair =>
            Assert.All(pair.First.Values.Zip(pair.Second.Values), v => Assert.Equal(v.First, v.Second, 1e-3f)));
        Assert.Equal(model.ParameterCount, loaded.Model.ParameterCount);
    }

    [Fact]
    public void Save_Always_WritesContractIntoManifest()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), stepSeconds: 60, seed: 22);

        model.Save(_directory);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, TftModel.ManifestFile)))!;
        Assert.Equal(TftFeatures.ContractVersion, json["contractVersion"]!.GetValue<int>());
        Assert.Equal(60, json["stepSeconds"]!.GetValue<int>());
        Assert.Equal("cpu_user_pct", json["metrics"]![0]!.GetValue<string>());
        Assert.Equal("uptime_days", json["metrics"]![13]!.GetValue<string>());
        Assert.Equal(model.ParameterCount, json["parameterCount"]!.GetValue<long>());
        Assert.True(File.Exists(Path.Combine(_directory, TftModel.WeightsFile)));
    }

    [Theory]
    [InlineData("contractVersion", "contractVersion")]
    [InlineData("metrics", "metrics")]
    [InlineData("timeFeatures", "timeFeatures")]
    [InlineData("parameterCount", "parameterCount")]
    [InlineData("hiddenSize", "do not fit")]
    public void Load_ManifestEdited_ThrowsModelLoadExceptionNamingIt(string field, string expectedInMessage)
    {
        using (var model = TftModel.Create(TftTestData.SmallConfig(), seed: 23))
        {
            model.Save(_directory);
        }

        var path = Path.Combine(_directory, TftModel.ManifestFile);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        switch (field)
        {
            case "contractVersion":
                json["contractVersion"] = TftFeatures.ContractVersion + 1;
                break;
            case "metrics":
                json["metrics"]![0] = "cpu_total_pct";
                break;
            case "timeFeatures":
                json["timeFeatures"] = new JsonArray("hour");
                break;
            case "parameterCount":
                json["parameterCount"] = 5;
                break;
            default:
                json["config"]!["hiddenSize"] = 8;
                break;
        }

        File.WriteAllText(path, json.ToJsonString());

        var error = Assert.Throws<ModelLoadException>(() => TftModel.Load(_directory));

        Assert.Contains(expectedInMessage, error.Message);
    }

    [Fact]
    public void Load_OtherStepLength_ThrowsModelLoadException()
    {
        using (var model = TftModel.Create(TftTestData.SmallConfig(), stepSeconds: 300, seed: 24))
        {
            model.Save(_directory);
        }

        var error = Assert.Throws<ModelLoadException>(() => TftForecaster.Load(_directory, threads: 1, expectedStepSeconds: 60));

        Assert.Contains("stepSeconds is 300", error.Message);
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsModelLoadException()
    {
        var error = Assert.Throws<ModelLoadException>(() => TftModel.Load(_directory));

        Assert.Contains(TftModel.ManifestFile, error.Message);
    }
}
