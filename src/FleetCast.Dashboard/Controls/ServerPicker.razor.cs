using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Shared;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class ServerPicker
{
    private IReadOnlyList<RiskBar> _matches = [];
    private IReadOnlyList<ServerRow>? _searched;
    private string? _query;

    [Parameter, EditorRequired]
    public string Label { get; set; } = default!;

    /// <summary>Id of the list of matches (the search box controls it).</summary>
    [Parameter, EditorRequired]
    public string ListId { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ServerRow> Servers { get; set; } = [];

    /// <summary>The server on screen, marked in the list.</summary>
    [Parameter]
    public string? Current { get; set; }

    [Parameter]
    public EventCallback<string> OnChoose { get; set; }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Servers, _searched))
        {
            _searched = Servers;
            _matches = ServerSearch.Find(Servers, _query);
        }
    }

    private void OnQuery(ChangeEventArgs e)
    {
        _query = e.Value?.ToString();
        _matches = ServerSearch.Find(Servers, _query);
    }
}
