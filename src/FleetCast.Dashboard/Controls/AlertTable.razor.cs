using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Alerting;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Controls;

public partial class AlertTable
{
    private static readonly (AlertSortColumn Column, string Label)[] Columns =
    [
        (AlertSortColumn.Severity, "Severity"),
        (AlertSortColumn.Server, "Server"),
        (AlertSortColumn.Profile, "Profile"),
        (AlertSortColumn.Metric, "Metrics"),
        (AlertSortColumn.MinutesAhead, "When"),
        (AlertSortColumn.PredictedValue, "Value / threshold"),
        (AlertSortColumn.StartedAt, "Started (data time)"),
    ];

    [Parameter, EditorRequired]
    public IReadOnlyList<AlertView> Rows { get; set; } = [];

    [Parameter]
    public AlertSort? Sort { get; set; }

    [Parameter]
    public EventCallback<AlertSortColumn> OnSort { get; set; }

    /// <summary>Server names become buttons that carry <c>data-open-server</c> and no handler of their own
    /// (one per row would cost every session a closure and an event binding, and a table rendered once as
    /// HTML for every session can have none): the caller handles their clicks on a container with
    /// <c>@onopenserver</c>.</summary>
    [Parameter]
    public bool ServerLinks { get; set; }

    /// <summary>When set, a Status column shows who acknowledged or silenced each alert.</summary>
    [Parameter]
    public Func<AlertView, AlertActionStatus>? StatusOf { get; set; }

    /// <summary>When set, each row not yet acknowledged has an Acknowledge button.</summary>
    [Parameter]
    public EventCallback<AlertView> OnAcknowledge { get; set; }

    /// <summary>When set, each row has a Silence button.</summary>
    [Parameter]
    public EventCallback<AlertView> OnSilence { get; set; }

    [Parameter]
    public string EmptyText { get; set; } = "No active alerts.";

    private static string RowClass(AlertView alert, AlertActionStatus status) =>
        $"severity-{alert.Severity.ToString().ToLowerInvariant()}{(status.Silenced is null ? null : " silenced")}";

    private string? AriaSort(AlertSortColumn column) =>
        Sort is { } sort && sort.Column == column ? (sort.Descending ? "descending" : "ascending") : null;

    private string SortMark(AlertSortColumn column) =>
        Sort is { } sort && sort.Column == column ? (sort.Descending ? "▼" : "▲") : string.Empty;
}
