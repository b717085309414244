using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.TopRisks;

public partial class TopRisksTab
{
    private TopRisksModel? _model;
    private object _option = default!;
    private int _count = 10;

    protected override void Build(PublishedSnapshot published)
    {
        var count = _count;
        (_model, _option) = Cache.GetOrAdd(published, $"top-risks:{count}", p =>
        {
            var model = TopRisksModel.From(p.Snapshot, count);
            return (model, TopRisksCharts.TopRisksCompare(model));
        });
    }

    private void Choose(int count)
    {
        _count = count;
        Rebuild();
    }
}
