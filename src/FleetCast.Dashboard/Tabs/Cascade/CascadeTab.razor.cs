using FleetCast.Core.Profiles;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>Servers whose risk rose together, from the stored fleet snapshots of the last
/// <see cref="CascadeModel.LookbackSteps"/> steps; re-read at most every <see cref="StoreReadThrottle.Interval"/>.</summary>
public sealed partial class CascadeTab
{
    private CascadeModel? _model;
    private object _chartOption = new();
    private string? _unavailable;

    protected override async Task OnParametersSetAsync()
    {
        if (!Reads.Due || Snapshot is not { } published)
        {
            return;
        }

        if (Services.GetService<ISnapshotHistoryStore>() is not { } history)
        {
            _unavailable = "This server runs without storage, so there is no fleet history to find servers that rose together.";
            return;
        }

        var snapshot = published.Snapshot;
        var to = snapshot.DataTime;
        var from = to - TimeSpan.FromSeconds((double)CascadeModel.LookbackSteps * snapshot.StepSeconds);
        var current = snapshot.Servers.ToDictionary(s => s.Name, s => (s.Profile, s.RiskScore), StringComparer.Ordinal);
        await Reads.ReadAsync(
            () => CascadeModel.Create(from, to, snapshot.StepSeconds, history.Read(from, to), current),
            model =>
            {
                _model = model;
                _chartOption = CascadeCharts.ElevatedPerProfile(model);
            });
    }
}
