using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Tabs.Drift;

public partial class DriftTab
{
    private DriftModel? _model;
    private IReadOnlyList<AlertOutcomeRow> _outcomes = [];

    protected override void Build(PublishedSnapshot published)
    {
        _model = DriftModel.From(Quality.Current);
        _outcomes = AlertOutcomeRow.From(Outcomes.AlertOutcomes);
    }
}
