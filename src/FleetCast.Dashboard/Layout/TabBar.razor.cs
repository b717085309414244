using FleetCast.Dashboard.Tabs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FleetCast.Dashboard.Layout;

/// <summary>The tab bar: one nav with role="tab" buttons; arrow keys, Home and End move between tabs.</summary>
public sealed partial class TabBar : ComponentBase
{
    private readonly Dictionary<string, ElementReference> _buttons = new(StringComparer.Ordinal);
    private bool _focusSelected;
    private string? _rendered;

    [Parameter, EditorRequired]
    public string Selected { get; set; } = TabCatalog.Overview;

    [Parameter]
    public EventCallback<string> SelectedChanged { get; set; }

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        string? next = e.Key switch
        {
            "ArrowRight" => TabCatalog.Neighbour(Selected, 1),
            "ArrowLeft" => TabCatalog.Neighbour(Selected, -1),
            "Home" => TabCatalog.All[0].Id,
            "End" => TabCatalog.All[^1].Id,
            _ => null,
        };
        if (next is null)
        {
            return;
        }

        _focusSelected = true;
        await SelectedChanged.InvokeAsync(next);
    }

    // The dashboard re-renders on every snapshot; the tab bar only changes with the selection.
    protected override bool ShouldRender()
    {
        if (_rendered == Selected && !_focusSelected)
        {
            return false;
        }

        _rendered = Selected;
        return true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusSelected && _buttons.TryGetValue(Selected, out var button))
        {
            _focusSelected = false;
            await button.FocusAsync();
        }
    }
}
