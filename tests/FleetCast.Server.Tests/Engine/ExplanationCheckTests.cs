using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Engine;

public sealed class ExplanationCheckTests
{
    [Fact]
    public void Of_BaselinePrimary_CannotExplainWhateverTheServer()
    {
        var published = ModelSnapshots.Create();

        var check = ExplanationCheck.Of(new FakeForecaster("holt-winters"), published, "no-such-server");

        Assert.Equal(ExplanationBlock.ForecasterCannotExplain, check.Block);
        Assert.False(check.CanExplain);
        Assert.Null(check.Model);
    }

    [Fact]
    public void Of_TftPrimary_ChecksTheServerThenWhoForecastIt()
    {
        // Arrange
        using var model = TftModel.Create(ModelSnapshots.SmallConfig(), seed: 3);
        var tft = new TftForecaster(model);
        var published = ModelSnapshots.Create(warmingUp: "ppweb001");
        var explained = published.Details.Keys.First(name => name != "ppweb001");

        // Act / Assert
        Assert.Equal(ExplanationBlock.NoServer, ExplanationCheck.Of(tft, published, null).Block);
        Assert.Equal(ExplanationBlock.UnknownServer, ExplanationCheck.Of(tft, published, "no-such-server").Block);
        var warming = ExplanationCheck.Of(tft, published, "ppweb001");
        Assert.Equal(ExplanationBlock.NotForecastByModel, warming.Block);
        Assert.Same(published.Details["ppweb001"], warming.Detail);
        var check = ExplanationCheck.Of(tft, published, explained);
        Assert.True(check.CanExplain);
        Assert.Same(tft, check.Model);
        Assert.Same(published.Details[explained], check.Detail);
    }
}
