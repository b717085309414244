using FleetCast.Core.Profiles;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Heatmap;

public partial class HeatmapTab
{
    private HeatmapModel? _model;
    private object _option = default!;
    private FleetCast.Core.Profiles.ServerProfile? _profile;
    private int _page;

    protected override void Build(PublishedSnapshot published)
    {
        var (profile, page) = (_profile, _page);
        (_model, _option) = Cache.GetOrAdd(published, $"heatmap:{profile}:{page}", p =>
        {
            var model = HeatmapModel.From(p.Snapshot, Thresholds, profile, page);
            return (model, HeatmapCharts.Heatmap(model));
        });
        _page = _model.Page;
    }

    private void OnProfile(ChangeEventArgs e)
    {
        _profile = Enum.TryParse<FleetCast.Core.Profiles.ServerProfile>(e.Value?.ToString(), out var profile) ? profile : null;
        _page = 0;
        Rebuild();
    }

    private void GoTo(int page)
    {
        _page = page;
        Rebuild();
    }
}
