using FleetCast.Dashboard.Layout;
using FleetCast.Dashboard.Services;
using FleetCast.Dashboard.Tabs;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FleetCast.Dashboard.Pages;

/// <summary>The dashboard: header, tab bar and the one visible tab. The session subscribes to
/// snapshot publishes (throttled and merged) and shows them according to the refresh mode.</summary>
public sealed partial class DashboardPage : ComponentBase, IDisposable
{
    private SnapshotUpdateThrottle? _subscription;
    private PublishedSnapshot? _shown;
    private HeaderModel? _header;
    private DateTimeOffset? _shownAt;
    private RefreshSettings _refresh = RefreshSettings.Default;
    private string _tab = TabCatalog.Overview;
    private string? _server;

    [Inject]
    private ISnapshotSource Source { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ChartModule Module { get; set; } = default!;

    [Inject]
    private DashboardUpdateDelays UpdateDelays { get; set; } = default!;

    private TabDefinition CurrentTab => TabCatalog.All.First(t => t.Id == _tab);

    private bool HasNewerData => Source.Current is { } latest && (_shown is null || latest.Snapshot.Version != _shown.Snapshot.Version);

    protected override void OnInitialized()
    {
        // Subscribe before reading Current so no publish falls between the two.
        _subscription = new SnapshotUpdateThrottle(Source, Time, SnapshotUpdateThrottle.DefaultMinInterval, OnPublishedAsync);
        Show(Source.Current);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            var module = await Module.GetAsync();
            var stored = RefreshSettings.Parse(await module.InvokeAsync<string?>("loadSetting", RefreshSettings.StorageKey));
            if (stored != _refresh)
            {
                _refresh = stored;
                StateHasChanged();
            }
        }
        catch (JSException)
        {
            // The module failed to load in the browser; the defaults stay.
        }
    }

    private Task OnPublishedAsync(PublishedSnapshot published, long publishedAt) => InvokeAsync(() =>
    {
        var shown = _refresh.ShouldShow(_shownAt, Time.GetUtcNow());
        if (shown)
        {
            Show(published);
        }

        // In interval or paused mode the header still offers "show latest". The render runs here, within
        // this call, and ends with its batch handed to the session's connection.
        StateHasChanged();
        if (shown)
        {
            UpdateDelays.Record(Time.GetElapsedTime(publishedAt));
        }
    });

    private void Show(PublishedSnapshot? published)
    {
        if (published is null)
        {
            return;
        }

        _shown = published;
        _shownAt = Time.GetUtcNow();
        _header = HeaderModel.From(published.Snapshot, published.SkippedSteps);
    }

    private void ShowLatest() => Show(Source.Current);

    private async Task OnRefreshChangedAsync(RefreshSettings settings)
    {
        _refresh = settings;
        if (settings.Mode == RefreshMode.Live)
        {
            Show(Source.Current);
        }

        try
        {
            var module = await Module.GetAsync();
            await module.InvokeVoidAsync("saveSetting", RefreshSettings.StorageKey, settings.Serialize());
        }
        catch (JSException)
        {
            // Not remembered, but applied for this session.
        }
    }

    private void SelectTab(string tab)
    {
        if (TabCatalog.IsKnown(tab))
        {
            _tab = tab;
        }
    }

    private void OpenServer(string server)
    {
        _server = server;
        _tab = TabCatalog.Server;
    }

    public void Dispose() => _subscription?.Dispose();
}
