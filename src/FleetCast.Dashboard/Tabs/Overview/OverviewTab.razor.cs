using FleetCast.Dashboard.Controls;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Overview;

public partial class OverviewTab
{
    private OverviewView? _view;
    private TimeSpan _age;

    protected override void Build(PublishedSnapshot published)
    {
        // Everything but the snapshot's age is the same for every session: built, serialised and rendered
        // to HTML once per snapshot. Each session's render tree then holds a few strings instead of a
        // frame per element of the cards and the alert table.
        _view = Cache.GetOrAdd(published, "overview", CreateView);
        _age = Time.GetUtcNow() - published.Snapshot.ComputedAt;
    }

    private OverviewView CreateView(PublishedSnapshot published)
    {
        var model = OverviewModel.From(published.Snapshot);
        return new OverviewView(
            model,
            OverviewCharts.TopServers(model.TopServers),
            OverviewCharts.LevelDistribution(model.LevelCounts),
            Html.Render<OverviewKpiCards>(new Dictionary<string, object?> { [nameof(OverviewKpiCards.Model)] = model }),
            Html.Render<OverviewLevelList>(new Dictionary<string, object?> { [nameof(OverviewLevelList.Model)] = model }),
            Html.Render<AlertTable>(new Dictionary<string, object?>
            {
                [nameof(AlertTable.Rows)] = model.TopAlerts,
                [nameof(AlertTable.ServerLinks)] = true,
            }));
    }
}
