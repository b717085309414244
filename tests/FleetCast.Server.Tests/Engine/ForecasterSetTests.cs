using FleetCast.Forecasting;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Engine;

public sealed class ForecasterSetTests
{
    [Fact]
    public void Swap_NewPrimary_ReturnsPreviousAndServesNew()
    {
        var first = new FakeForecaster("a");
        var second = new FakeForecaster("b", isModel: true);
        var set = new ForecasterSet(first, new FakeForecaster("warm"));

        var previous = set.Swap(second);

        Assert.Same(first, previous);
        Assert.Same(second, set.Primary);
    }

    [Fact]
    public async Task ReloadAsync_WithoutHook_ThrowsExplainingWhy()
    {
        var set = new ForecasterSet(new FakeForecaster("a"), new FakeForecaster("warm"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => set.ReloadAsync());

        Assert.False(set.CanReload);
        Assert.Contains("baseline", error.Message);
    }

    [Fact]
    public async Task ReloadAsync_WithHook_SwapsInTheLoadedForecaster()
    {
        var set = new ForecasterSet(new FakeForecaster("a"), new FakeForecaster("warm"));
        IForecaster loaded = new FakeForecaster("tft", isModel: true);
        set.SetReloader(_ => Task.FromResult(loaded));

        await set.ReloadAsync();

        Assert.Same(loaded, set.Primary);
    }
}
