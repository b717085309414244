using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Overview;

public partial class OverviewLevelList
{
    [Parameter, EditorRequired]
    public OverviewModel Model { get; set; } = default!;
}
