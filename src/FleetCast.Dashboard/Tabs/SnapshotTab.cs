using FleetCast.Dashboard.Events;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs;

/// <summary>Base of the tabs: receives the snapshot on screen and rebuilds its view model only when
/// the snapshot's version (or the tab's own selection) changes.</summary>
public abstract class SnapshotTab : ComponentBase
{
    private long _builtVersion = long.MinValue;

    /// <summary>The snapshot on screen; null until the engine has published one.</summary>
    [Parameter]
    public PublishedSnapshot? Snapshot { get; set; }

    /// <summary>Drill-down to one server (opens the Server tab).</summary>
    [Parameter]
    public EventCallback<string> OnOpenServer { get; set; }

    protected bool HasData => Snapshot is not null && Built;

    protected bool Built { get; private set; }

    protected override void OnParametersSet()
    {
        if (Snapshot is { } published && published.Snapshot.Version != _builtVersion)
        {
            Rebuild();
        }
    }

    /// <summary>Rebuilds the view model from the current snapshot (after a selection changed).</summary>
    protected void Rebuild()
    {
        if (Snapshot is not { } published)
        {
            return;
        }

        _builtVersion = published.Snapshot.Version;
        Build(published);
        Built = true;
    }

    protected abstract void Build(PublishedSnapshot published);

    /// <summary>Handler for a container of server links (<c>@onopenserver</c>): opens the clicked server;
    /// a click elsewhere in the container opens nothing.</summary>
    protected Task OpenServerAsync(OpenServerEventArgs args) =>
        string.IsNullOrEmpty(args.Server) ? Task.CompletedTask : OnOpenServer.InvokeAsync(args.Server);
}
