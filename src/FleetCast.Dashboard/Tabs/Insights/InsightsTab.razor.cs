using System.Globalization;
using FleetCast.Dashboard.Services;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>The Insights tab: the TFT's explanation of one server's forecast (feature importance,
/// attention over the look-back, static weights, counterfactuals), or a plain message when the fleet
/// runs a baseline. Explanations are computed by <see cref="InsightsService"/> off the render thread;
/// while a newer snapshot's explanation is computed, the last one of the same server stays on screen.</summary>
public sealed partial class InsightsTab : SnapshotTab, IDisposable
{
    private InsightsResult? _result;
    private object _featuresOption = default!;
    private object _attentionOption = default!;
    private string? _server;
    private string? _chosen;
    private string? _selectedParameter;
    private string? _autoPicked;
    private bool _loading;
    private bool _disposed;

    [Inject]
    private InsightsService Insights { get; set; } = default!;

    /// <summary>The server to explain; the riskiest server when null. Shared with the Server tab.</summary>
    [Parameter]
    public string? SelectedServer { get; set; }

    [Parameter]
    public EventCallback<string?> SelectedServerChanged { get; set; }

    private bool Ready => HasData && _result is { } result && (result.FleetWide || result.Server == _server);

    private string WaitingText => HasData && _server is not null
        ? $"Explaining {_server}'s forecast with the model…"
        : "Waiting for the first snapshot from the server…";

    protected override void OnParametersSet()
    {
        var selectionChanged = SelectedServer != _selectedParameter;
        if (selectionChanged)
        {
            _selectedParameter = SelectedServer;
            _chosen = SelectedServer;
        }

        base.OnParametersSet();
        if (selectionChanged && Built)
        {
            Rebuild();
        }
    }

    protected override void Build(PublishedSnapshot published)
    {
        _server = _chosen is not null && published.Details.ContainsKey(_chosen) ? _chosen : AutoPick(published);
        Refresh(published);
    }

    private void Refresh(PublishedSnapshot published)
    {
        if (Insights.TryAnswer(published, _server) is { } answer)
        {
            Show(answer);
            return;
        }

        // One run at a time per session; when it ends it checks whether the snapshot or server moved on.
        if (!_loading)
        {
            _ = LoadAsync(published, _server);
        }
    }

    private async Task LoadAsync(PublishedSnapshot published, string? server)
    {
        _loading = true;
        InsightsResult result;
        try
        {
            result = await Insights.ExplainAsync(published, server);
        }
        finally
        {
            _loading = false;
        }

        if (_disposed)
        {
            return;
        }

        await InvokeAsync(() =>
        {
            if (result.FleetWide || result.Server == _server)
            {
                Show(result);
            }

            if (Snapshot is { } current && (current.Snapshot.Version != result.Version || result.Server != _server) && !result.FleetWide)
            {
                Refresh(current);
            }

            StateHasChanged();
        });
    }

    private void Show(InsightsResult result)
    {
        if (result.Model is { } model && !ReferenceEquals(model, _result?.Model))
        {
            _featuresOption = InsightsCharts.Features(model.TopFeatures);
            _attentionOption = InsightsCharts.Attention(model.Attention);
        }

        _result = result;
    }

    // Without a selection the riskiest server is shown and stays while it exists (as on the Server tab).
    private string? AutoPick(PublishedSnapshot published)
    {
        if (_autoPicked is null || !published.Details.ContainsKey(_autoPicked))
        {
            var snapshot = published.Snapshot;
            _autoPicked = snapshot.Summary.Top5.FirstOrDefault() ?? snapshot.Servers.FirstOrDefault()?.Name;
        }

        return _autoPicked;
    }

    private async Task ChooseAsync(string server)
    {
        _chosen = server;
        Rebuild();
        await SelectedServerChanged.InvokeAsync(server);
    }

    private static string Status(InsightsResult result) => result.Status.ToString().ToLowerInvariant();

    private static string FeaturesLabel(InsightsModel model) =>
        "Look-back feature importance: " + string.Join(", ", model.TopFeatures.Select(f => $"{f.Label} {DisplayFormat.Percent(f.Weight)}"));

    private static string SignedScore(double change) =>
        (change > 0 ? "+" : string.Empty) + change.ToString("0.0", CultureInfo.InvariantCulture);

    public void Dispose() => _disposed = true;
}
