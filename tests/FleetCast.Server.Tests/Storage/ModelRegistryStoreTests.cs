using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

public sealed class ModelRegistryStoreTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly ModelRegistryStore _store;

    public ModelRegistryStoreTests() => _store = new ModelRegistryStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Register_SecondActivated_OnlyTheSecondIsActive()
    {
        var first = _store.Register("tft-1", "models/default", Samples.Origin, """{"pinball":0.1}""", activate: true);

        var second = _store.Register("tft-2", "models/retrained-2", Samples.Origin.AddDays(1), null, activate: true);

        Assert.Equal(second.Id, _store.GetActive()!.Id);
        Assert.False(_store.Get(first.Id)!.Active);
        Assert.Equal("""{"pinball":0.1}""", _store.Get(first.Id)!.ReportJson);
        Assert.Equal(["tft-2", "tft-1"], _store.List().Select(m => m.Name));
    }

    [Fact]
    public void Activate_UnknownId_ReturnsFalseAndKeepsActiveModel()
    {
        var model = _store.Register("tft-1", "models/default", Samples.Origin, null, activate: true);

        var activated = _store.Activate(model.Id + 100);

        Assert.False(activated);
        Assert.Equal(model.Id, _store.GetActive()!.Id);
    }

    [Fact]
    public void Activate_OlderModel_SwitchesActive()
    {
        var first = _store.Register("tft-1", "models/default", Samples.Origin, null, activate: true);
        _store.Register("tft-2", "models/retrained-2", Samples.Origin.AddDays(1), null, activate: true);

        Assert.True(_store.Activate(first.Id));

        Assert.Equal("tft-1", _store.GetActive()!.Name);
        Assert.Single(_store.List(), m => m.Active);
    }
}
