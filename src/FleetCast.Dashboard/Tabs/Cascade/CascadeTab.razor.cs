using FleetCast.Server.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>The cascades the engine detected (<see cref="ICascadeSource"/>) over the last
/// <see cref="CascadeTabModel.Lookback"/> of data time; re-read at most every <see cref="StoreReadThrottle.Interval"/>.
/// Computes nothing: detection runs in the engine at each step.</summary>
public sealed partial class CascadeTab
{
    private CascadeTabModel? _model;
    private string? _unavailable;

    protected override async Task OnParametersSetAsync()
    {
        if (!Reads.Due || Snapshot is not { } published)
        {
            return;
        }

        if (Services.GetService<ICascadeSource>() is not { } cascades)
        {
            _unavailable = "This server runs without cascade detection, so there are no cascades to show.";
            return;
        }

        var to = published.Snapshot.DataTime;
        var from = to - CascadeTabModel.Lookback;
        await Reads.ReadAsync(() => CascadeTabModel.Create(from, to, cascades.Read(from, to)), model => _model = model);
    }
}
