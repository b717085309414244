namespace FleetCast.Forecasting.Tests;

public sealed class ForecasterCatalogTests
{
    public static TheoryData<string> Baselines => [.. ForecasterCatalog.Baselines];

    [Theory]
    [MemberData(nameof(Baselines))]
    public void Create_EveryBaseline_ReturnsAForecasterWithThatName(string name)
    {
        var forecaster = ForecasterCatalog.Create(name);

        Assert.Equal(name, forecaster.Name);
        Assert.True(ForecasterCatalog.IsBaseline(name));
    }

    [Fact]
    public void CreateBaselines_OnePerBaselineInCatalogOrder()
    {
        Assert.Equal(ForecasterCatalog.Baselines, ForecasterCatalog.CreateBaselines().Select(f => f.Name));
    }

    [Fact]
    public void Names_AreTheTftAndTheBaselines_EachOnce()
    {
        Assert.Equal(["tft", "linear-trend", "seasonal-naive", "holt-winters"], ForecasterCatalog.Names);
        Assert.False(ForecasterCatalog.IsBaseline(ForecasterCatalog.Tft));
    }

    [Theory]
    [InlineData("tft")]
    [InlineData("arima")]
    [InlineData("Linear-Trend")]
    public void Create_NotABaseline_ThrowsNamingTheBaselines(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => ForecasterCatalog.Create(name));

        Assert.Contains("holt-winters, linear-trend, seasonal-naive", error.Message);
    }
}
