using FleetCast.Core.Profiles;
using FleetCast.Server.Components.ViewModels;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Components.Tabs;

/// <summary>Servers whose risk rose together, from the stored fleet snapshots of the last
/// <see cref="CascadeModel.LookbackSteps"/> steps; re-read at most every <see cref="ReloadInterval"/>.</summary>
public sealed partial class CascadeTab : IDisposable
{
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _disposed = new();
    private CascadeModel? _model;
    private object _chartOption = new();
    private string? _unavailable;
    private DateTimeOffset? _loadedAt;
    private bool _reloadWanted;
    private bool _loading;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    protected override void Build(PublishedSnapshot published)
    {
        if (_loadedAt is not { } loadedAt || Time.GetUtcNow() - loadedAt >= ReloadInterval)
        {
            _reloadWanted = true;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (!_reloadWanted || _loading || Snapshot is not { } published)
        {
            return;
        }

        if (Services.GetService<ISnapshotHistoryStore>() is not { } history)
        {
            _unavailable = "This server runs without storage, so there is no fleet history to find servers that rose together.";
            return;
        }

        _loading = true;
        _reloadWanted = false;
        try
        {
            var snapshot = published.Snapshot;
            var to = snapshot.DataTime;
            var from = to - TimeSpan.FromSeconds((double)CascadeModel.LookbackSteps * snapshot.StepSeconds);
            var current = snapshot.Servers.ToDictionary(s => s.Name, s => (s.Profile, s.RiskScore), StringComparer.Ordinal);
            // SQLite reads are synchronous; keep them off the circuit's thread.
            var model = await Task.Run(() => CascadeModel.Create(from, to, snapshot.StepSeconds, history.Read(from, to), current), _disposed.Token);
            _model = model;
            _chartOption = CascadeChartOptions.ElevatedPerProfile(model);
            _loadedAt = Time.GetUtcNow();
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The tab was closed while reading.
        }
        finally
        {
            _loading = false;
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
