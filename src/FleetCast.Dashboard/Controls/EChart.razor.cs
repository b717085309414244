using System.Runtime.CompilerServices;
using System.Text.Json;
using FleetCast.Dashboard.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FleetCast.Dashboard.Controls;

/// <summary>One ECharts chart. The option is built by a view-model builder; this component renders it
/// as JSON in the element's data-option attribute, from which the module draws and updates the chart in
/// the browser as soon as the markup arrives (no round trip; the module throttles updates). The init call
/// after the first render only hands over a <see cref="DotNetObjectReference"/> for clicks.</summary>
public sealed partial class EChart : ComponentBase, IAsyncDisposable
{
    // The JS interop's conventions (camelCase), so an option reads the same as it did as a call argument.
    private static readonly JsonSerializerOptions OptionJson = new(JsonSerializerDefaults.Web);

    // Option objects shared by sessions (SnapshotViewCache) are serialised once for all of them.
    private static readonly ConditionalWeakTable<object, string> JsonByOption = new();

    private ElementReference _element;
    private IJSObjectReference? _module;
    private DotNetObjectReference<EChart>? _self;
    private object? _serialized;
    private string _optionJson = "{}";
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

    protected override void OnParametersSet()
    {
        // Serialised once per option object: the tabs build a new one only for a new snapshot or selection.
        if (!ReferenceEquals(_serialized, Option))
        {
            _serialized = Option;
            _optionJson = JsonByOption.GetValue(Option, static option => JsonSerializer.Serialize(option, OptionJson));
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _disposed)
        {
            return;
        }

        try
        {
            _module = await Module.GetAsync();
            if (_disposed)
            {
                // The tab changed while the module loaded: the element is gone.
                return;
            }

            _self = DotNetObjectReference.Create(this);
            await _module.InvokeVoidAsync("init", _element, _self);
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
