using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class TabPanel
{
    [Parameter, EditorRequired]
    public string Tab { get; set; } = string.Empty;

    /// <summary>True once the tab's data is shown. The panel says data-ready="true" only when the page is
    /// also interactive: a prerendered panel shows its data but does not answer clicks yet.</summary>
    [Parameter]
    public bool Ready { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>What the panel says until it is ready.</summary>
    [Parameter]
    public string WaitingText { get; set; } = "Waiting for the first snapshot from the server…";
}
