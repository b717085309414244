using Microsoft.JSInterop;

namespace FleetCast.Dashboard.Services;

/// <summary>The dashboard's one JavaScript module (charts and remembered settings), imported once per
/// circuit and shared by every chart of that session.</summary>
public sealed class ChartModule(IJSRuntime js) : IAsyncDisposable
{
    /// <summary>The static asset (resolved to its fingerprinted URL by the import map).</summary>
    public const string AssetPath = "dist/fleetcast-charts.js";

    public const string Path = "./" + AssetPath;

    private Task<IJSObjectReference>? _module;

    public Task<IJSObjectReference> GetAsync() => _module ??= js.InvokeAsync<IJSObjectReference>("import", Path).AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_module is { IsCompletedSuccessfully: true })
        {
            try
            {
                await _module.Result.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone; nothing left to release there.
            }
        }
    }
}
