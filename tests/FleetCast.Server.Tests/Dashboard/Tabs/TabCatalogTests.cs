using FleetCast.Dashboard.Tabs;


namespace FleetCast.Server.Tests.Dashboard.Tabs;

public sealed class TabCatalogTests
{
    [Fact]
    public void All_DesignOrder_ThirteenUniqueTabs()
    {
        Assert.Equal(13, TabCatalog.All.Count);
        Assert.Equal(TabCatalog.All.Count, TabCatalog.All.Select(t => t.Id).Distinct().Count());
        Assert.Equal(TabCatalog.Overview, TabCatalog.All[0].Id);
        Assert.Equal(TabCatalog.Documentation, TabCatalog.All[^1].Id);
    }

    [Theory]
    [InlineData(TabCatalog.Overview, 1, TabCatalog.Heatmap)]
    [InlineData(TabCatalog.Overview, -1, TabCatalog.Documentation)]
    [InlineData(TabCatalog.Documentation, 1, TabCatalog.Overview)]
    public void Neighbour_Direction_WrapsAround(string from, int direction, string expected) =>
        Assert.Equal(expected, TabCatalog.Neighbour(from, direction));

    [Fact]
    public void UnavailableText_InsightsWithModel_DoesNotAskForTheModel()
    {
        var withModel = TabCatalog.UnavailableText(TabCatalog.Insights, "tft", forecasterIsModel: true);
        var baseline = TabCatalog.UnavailableText(TabCatalog.Insights, "seasonal-naive", forecasterIsModel: false);

        Assert.DoesNotContain("needs the TFT model", withModel);
        Assert.Contains("needs the TFT model", baseline);
        Assert.Contains("seasonal-naive", baseline);
    }
}
