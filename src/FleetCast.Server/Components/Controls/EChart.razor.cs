using FleetCast.Server.Components.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FleetCast.Server.Components.Controls;

/// <summary>One ECharts chart. The option is built by a view-model builder; this component only hands
/// it to the module: init on first render, update when a new option object arrives (the module
/// throttles updates), clicks come back through a <see cref="DotNetObjectReference"/>.</summary>
public sealed partial class EChart : ComponentBase, IAsyncDisposable
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<EChart>? _self;
    private object? _shown;
    private bool _disposed;

    [Inject]
    private ChartModule Module { get; set; } = default!;

    /// <summary>Stable chart name, rendered as data-chart.</summary>
    [Parameter, EditorRequired]
    public string Name { get; set; } = string.Empty;

    /// <summary>Text alternative for screen readers.</summary>
    [Parameter, EditorRequired]
    public string Label { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public object Option { get; set; } = default!;

    [Parameter]
    public string? CssClass { get; set; }

    /// <summary>Receives the clicked item's key (a server name for drill-down).</summary>
    [Parameter]
    public EventCallback<string> OnClick { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (firstRender)
            {
                _module = await Module.GetAsync();
                if (_disposed)
                {
                    // The tab changed while the module loaded: the element is gone.
                    return;
                }

                _self = DotNetObjectReference.Create(this);
                _shown = Option;
                await _module.InvokeVoidAsync("init", _element, Option, _self);
            }
            else if (_module is not null && !ReferenceEquals(_shown, Option))
            {
                _shown = Option;
                await _module.InvokeVoidAsync("update", _element, Option);
            }
        }
        catch (JSException) when (_disposed)
        {
            // Removed from the page while the call was under way; nothing is left to draw into.
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone.
        }
    }

    [JSInvokable]
    public Task OnChartClick(string key) => OnClick.HasDelegate ? OnClick.InvokeAsync(key) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("dispose", _element);
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and the chart with it.
            }
            catch (TaskCanceledException)
            {
            }
        }

        _self?.Dispose();
    }
}
