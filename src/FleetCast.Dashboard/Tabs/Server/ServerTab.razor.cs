using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Server;

public partial class ServerTab
{
    private ServerViewModel? _model;
    private Dictionary<string, object> _options = new(StringComparer.Ordinal);
    private string? _missing;
    private string? _builtFor;
    private string? _autoPicked;

    /// <summary>The server to show; the riskiest server when null.</summary>
    [Parameter]
    public string? SelectedServer { get; set; }

    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (Snapshot is not null && SelectedServer != _builtFor)
        {
            Rebuild();
        }
    }

    protected override void Build(PublishedSnapshot published)
    {
        var snapshot = published.Snapshot;
        _builtFor = SelectedServer;
        var name = SelectedServer ?? AutoPick(published);
        _missing = name;
        _model = null;
        if (name is not null && published.Details.TryGetValue(name, out var detail))
        {
            (_model, _options) = Cache.GetOrAdd(published, "server:" + name, p =>
            {
                var model = ServerViewModel.From(p.Snapshot, detail, Thresholds);
                return (model, model.Metrics.ToDictionary(m => m.ChartName, m => ServerCharts.ForecastBand(m.Band), StringComparer.Ordinal));
            });
            _missing = null;
        }
    }

    // Without a selection the riskiest server is shown, and it stays on screen while it exists: the
    // ranking changes with every snapshot and the page must not jump between servers by itself.
    private string? AutoPick(PublishedSnapshot published)
    {
        if (_autoPicked is null || !published.Details.ContainsKey(_autoPicked))
        {
            var snapshot = published.Snapshot;
            _autoPicked = snapshot.Summary.Top5.FirstOrDefault() ?? snapshot.Servers.FirstOrDefault()?.Name;
        }

        return _autoPicked;
    }
}
