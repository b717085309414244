using FleetCast.Server.Alerting;
using FleetCast.Server.Components.ViewModels;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Components.Tabs;

/// <summary>Configured alert routes and the outbox's newest deliveries; re-read at most every
/// <see cref="ReloadInterval"/> while snapshots arrive.</summary>
public sealed partial class RoutingTab : IDisposable
{
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _disposed = new();
    private RoutingModel? _model;
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
        if (!_reloadWanted || _loading)
        {
            return;
        }

        var router = Services.GetService<AlertRouter>();
        var outbox = Services.GetService<IOutboxStore>();
        var options = Services.GetService<AlertingOptions>();
        if (router is null || outbox is null || options is null)
        {
            _unavailable = "This server runs without alert routing (no outbox storage), so there are no routes or deliveries to show.";
            return;
        }

        _loading = true;
        _reloadWanted = false;
        try
        {
            // SQLite reads are synchronous; keep them off the circuit's thread.
            _model = await Task.Run(() => RoutingModel.Create(router, outbox, options), _disposed.Token);
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

    private static string Takes(RouteStatus route)
    {
        var parts = new List<string> { route.MinLevel == "critical" ? "critical" : "warning and critical" };
        if (route.Profiles.Count > 0)
        {
            parts.Add("profiles " + string.Join(", ", route.Profiles));
        }

        if (route.Metrics.Count > 0)
        {
            parts.Add("metrics " + string.Join(", ", route.Metrics));
        }

        return string.Join("; ", parts);
    }

    private static string Status(OutboxDelivery delivery) => delivery.Status switch
    {
        OutboxDelivery.Delivered => $"delivered {DisplayFormat.DataTime(delivery.DeliveredAt!.Value)}",
        OutboxDelivery.Failed => $"failed {DisplayFormat.DataTime(delivery.FailedAt!.Value)}",
        _ => $"pending, next try {DisplayFormat.DataTime(delivery.NextAttemptAt)}",
    };

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
