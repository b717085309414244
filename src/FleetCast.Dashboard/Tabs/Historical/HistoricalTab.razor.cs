using System.Globalization;
using FleetCast.Dashboard.Controls;
using FleetCast.Dashboard.Services;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>Fleet history over a chosen range, read from the same stores the API's /history routes
/// use. Stored history changes slowly compared to live snapshots, so it is re-read at most every
/// <see cref="StoreReadThrottle.Interval"/> (and at once when the range or server changes); a read is
/// shared through the <see cref="SnapshotViewCache"/> by every session showing the same selection of the
/// same snapshot, and one already done is shown in the same render as the tab.</summary>
public sealed partial class HistoricalTab
{
    private HistoricalModel? _model;
    private HistoricalRange _range = HistoricalRange.Default;
    private string? _server;
    private object _levelOption = new();
    private object _timelineOption = new();
    private MarkupString _alertTable;
    private string? _unavailable;

    [Inject]
    private SnapshotViewCache Cache { get; set; } = default!;

    [Inject]
    private StaticHtml Html { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (Reads.Due)
        {
            await LoadAsync();
        }
    }

    private async Task SelectRangeAsync(HistoricalRange range)
    {
        _range = range;
        await LoadAsync();
    }

    private async Task SelectServerAsync(string? server)
    {
        _server = server;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (Snapshot is not { } published)
        {
            return;
        }

        var history = Services.GetService<ISnapshotHistoryStore>();
        var alerts = Services.GetService<IAlertStore>();
        if (history is null || alerts is null)
        {
            _unavailable = "This server runs without storage, so there is no fleet history to show.";
            return;
        }

        var to = published.Snapshot.DataTime;
        var from = to - _range.Span;
        var server = _server;
        var read = Cache.GetOrRead(published, $"historical:{_range.Id}:{server}",
            () => ViewAsync(HistoricalModel.Create(from, to, history.Read(from, to), alerts.History(from, to, server))));
        await Reads.ReadAsync(read, view =>
        {
            _model = view.Model;
            _levelOption = view.LevelOption;
            _timelineOption = view.TimelineOption;
            _alertTable = view.AlertTable;
        });
    }

    private async Task<HistoricalView> ViewAsync(HistoricalModel model) =>
        new(model, HistoricalCharts.LevelHistory(model), HistoricalCharts.AlertTimeline(model),
            await Html.RenderAsync<HistoricalAlertTable>(new Dictionary<string, object?> { [nameof(HistoricalAlertTable.Rows)] = model.AlertRows }));

    private string CsvHref(HistoricalModel model)
    {
        var href = $"api/v1/alerts/history.csv?from={Iso(model.From)}&to={Iso(model.To)}";
        return _server is null ? href : $"{href}&server={Uri.EscapeDataString(_server)}";
    }

    private string CsvFileName(HistoricalModel model) =>
        $"fleetcast-alerts{(_server is null ? string.Empty : "-" + _server)}-{model.From.UtcDateTime:yyyyMMddTHHmm}-{model.To.UtcDateTime:yyyyMMddTHHmm}.csv";

    private static string Iso(DateTimeOffset time) =>
        Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}
