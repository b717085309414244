using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Controls;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Alerts;

public partial class AlertsTab
{
    private AlertsTableModel? _model;
    private AlertFilter _filter = AlertFilter.None;
    private AlertSort _sort = AlertSort.Default;
    private int _rowLimit = AlertsQuery.DefaultRowLimit;

    private IReadOnlyList<Silence> _silences = [];
    private int _silencedCount;
    private int _acknowledgedCount;
    private string? _who;
    private AlertView? _selected;
    private AlertActionMode _mode;

    protected override void OnInitialized() => Actions.Changed += OnActionsChanged;

    public void Dispose() => Actions.Changed -= OnActionsChanged;

    protected override void Build(PublishedSnapshot published)
    {
        _model = AlertsQuery.Apply(published.Snapshot.Alerts, _filter, _sort, _rowLimit);
        var statuses = published.Snapshot.Alerts.Select(Actions.StatusOf).ToArray();
        _silencedCount = statuses.Count(s => s.Silenced is not null);
        _acknowledgedCount = statuses.Count(s => s.Acknowledged is not null);
        _silences = Actions.ActiveSilences();
    }

    // Another session (or the API) changed an acknowledgement or silence: show it here too.
    private void OnActionsChanged() => _ = InvokeAsync(() =>
    {
        Rebuild();
        StateHasChanged();
    });

    private void OnWho(ChangeEventArgs e) => _who = e.Value?.ToString();

    private void OpenAcknowledge(AlertView alert) => Open(alert, AlertActionMode.Acknowledge);

    private void OpenSilence(AlertView alert) => Open(alert, AlertActionMode.Silence);

    private void Open(AlertView alert, AlertActionMode mode)
    {
        _selected = alert;
        _mode = mode;
    }

    private void CloseAction()
    {
        _selected = null;
        Rebuild();
    }

    private void ShowMore()
    {
        _rowLimit += AlertsQuery.DefaultRowLimit;
        Rebuild();
    }

    private void OnSeverity(ChangeEventArgs e) => Apply(_filter with { Severity = Enum.TryParse<AlertSeverity>(e.Value?.ToString(), out var s) ? s : null });

    private void OnProfile(ChangeEventArgs e) => Apply(_filter with { Profile = Enum.TryParse<FleetCast.Core.Profiles.ServerProfile>(e.Value?.ToString(), out var p) ? p : null });

    private void OnMetric(ChangeEventArgs e) => Apply(_filter with { Metric = string.IsNullOrEmpty(e.Value?.ToString()) ? null : e.Value.ToString() });

    private void OnServer(ChangeEventArgs e) => Apply(_filter with { ServerContains = e.Value?.ToString() });

    private void OnSort(AlertSortColumn column)
    {
        _sort = _sort.Toggle(column);
        Rebuild();
    }

    private void Apply(AlertFilter filter)
    {
        _filter = filter;
        _rowLimit = AlertsQuery.DefaultRowLimit;
        Rebuild();
    }
}
