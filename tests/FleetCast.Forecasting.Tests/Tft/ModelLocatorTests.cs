using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

public sealed class ModelLocatorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fleetcast-locator-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Find_AbsoluteDirectoryWithManifest_ReturnsIt()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, TftModel.ManifestFile), "{}");

        Assert.Equal(_directory, ModelLocator.Find(_directory));
    }

    [Fact]
    public void Find_AbsoluteDirectoryWithoutManifest_ReturnsNull()
    {
        Directory.CreateDirectory(_directory);

        Assert.Null(ModelLocator.Find(_directory));
    }

    [Fact]
    public void Find_RelativeNameNowhere_ReturnsNull()
    {
        Assert.Null(ModelLocator.Find(Path.Combine("no-such-models", Guid.NewGuid().ToString("N"))));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
