using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs;

public partial class PlaceholderTab
{
    [Parameter, EditorRequired]
    public TabDefinition Tab { get; set; } = default!;

    [Parameter]
    public PublishedSnapshot? Snapshot { get; set; }

    private string Text => Snapshot is { } published
        ? TabCatalog.UnavailableText(Tab.Id, published.Snapshot.Forecaster, published.Snapshot.ForecasterIsModel)
        : TabCatalog.UnavailableText(Tab.Id, "unknown", forecasterIsModel: true);
}
