using FleetCast.Server.Alerting.Receivers;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Alerting;

/// <summary>Each poll: enqueues the firing alerts that are due again (<see cref="AlertRouter.PlanResends"/>),
/// then sends the outbox's due deliveries, oldest first, each rendered by its route's receiver at the time of
/// the send. A destination that fails in a round is not
/// tried again in that round, so its deliveries stay in order. A failed round is retried after an
/// exponential backoff (Alerting:RetryDelayMilliseconds doubling, at most Alerting:MaxRetryDelaySeconds)
/// until Alerting:MaxAttempts requests were made; then the delivery is marked failed. Pending deliveries
/// are stored, so after a restart they are sent again. Finished deliveries are trimmed hourly.</summary>
public sealed class AlertDeliveryWorker : BackgroundService
{
    public const int BatchSize = 100;
    public static readonly TimeSpan TrimInterval = TimeSpan.FromHours(1);

    private readonly IOutboxStore _outbox;
    private readonly AlertRouter _router;
    private readonly AlertDeliverySender _sender;
    private readonly AlertingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertDeliveryWorker> _logger;
    private DateTimeOffset? _lastTrim;

    public AlertDeliveryWorker(IOutboxStore outbox, AlertRouter router, AlertDeliverySender sender, AlertingOptions options, TimeProvider time,
        ILogger<AlertDeliveryWorker> logger)
    {
        _outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
        _router = router ?? throw new ArgumentNullException(nameof(router));
        _sender = sender ?? throw new ArgumentNullException(nameof(sender));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Enqueues keep-alive re-sends and reminders that are due. Returns how many deliveries.</summary>
    public int EnqueueDueResends() =>
        _router.Routes.Count == 0 ? 0 : _outbox.EnqueuePlanned(
            (firing, busyRoutes) => FiringState.Plan(firing, state => _router.PlanResends(state, busyRoutes)), _time.GetUtcNow());

    /// <summary>One round over the due deliveries. Returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in _outbox.Due(_time.GetUtcNow(), BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (blocked.Contains(delivery.Destination))
            {
                continue;
            }

            if (_router.Find(delivery.Destination) is not { } route)
            {
                _outbox.MarkAttemptFailed(delivery.Id, delivery.Attempts, $"route '{delivery.Destination}' is no longer configured", _time.GetUtcNow(), null);
                continue;
            }

            var result = await _sender.SendAsync(route, Body(route, delivery.Payload), cancellationToken).ConfigureAwait(false);
            var attempts = delivery.Attempts + result.Attempts;
            var now = _time.GetUtcNow();
            if (result.Delivered)
            {
                _outbox.MarkDelivered(delivery.Id, attempts, now);
                delivered++;
                continue;
            }

            blocked.Add(delivery.Destination);
            var error = result.Error ?? "unknown error";
            var giveUp = result.Permanent || attempts >= _options.MaxAttempts;
            _outbox.MarkAttemptFailed(delivery.Id, attempts, error, now, giveUp ? null : now + Backoff(attempts));
            if (giveUp)
            {
                _logger.LogWarning("Alert delivery {Id} to route {Route} failed for good after {Attempts} attempts: {Error}",
                    delivery.Id, route.Name, attempts, error);
            }
            else
            {
                _logger.LogInformation("Alert delivery {Id} to route {Route} failed ({Error}); retrying later (attempt {Attempts} of {Max}).",
                    delivery.Id, route.Name, error, attempts, _options.MaxAttempts);
            }
        }

        return delivered;
    }

    /// <summary>The body to POST: a stored notification rendered now, or a finished body (older FleetCast) as it is.</summary>
    private string Body(AlertRoute route, string payload) =>
        AlertNotificationJson.TryRead(payload, out var notification)
            ? route.Receiver.Render(notification, new ReceiverContext(_time.GetUtcNow(), _router.ResendInterval))
            : payload;

    /// <summary>Deletes old finished deliveries and enforces the size cap.</summary>
    public void Trim()
    {
        var now = _time.GetUtcNow();
        var (deleted, dropped) = _outbox.Trim(now - TimeSpan.FromHours(_options.RetentionHours), _options.MaxStoredDeliveries, now);
        if (dropped > 0)
        {
            _logger.LogWarning("The alert outbox is over Alerting:MaxStoredDeliveries ({Max}); dropped the {Dropped} oldest pending deliveries.",
                _options.MaxStoredDeliveries, dropped);
        }

        if (deleted > 0)
        {
            _logger.LogDebug("Trimmed {Deleted} finished alert deliveries from the outbox.", deleted);
        }
    }

    /// <summary>Wait after a failed round that brought the total to <paramref name="attempts"/> requests.</summary>
    internal TimeSpan Backoff(int attempts)
    {
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var milliseconds = Math.Min(_options.RetryDelayMilliseconds * Math.Pow(2, exponent), _options.MaxRetryDelaySeconds * 1000.0);
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = TimeSpan.FromMilliseconds(_options.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_lastTrim is not { } last || _time.GetUtcNow() - last >= TrimInterval)
                {
                    _lastTrim = _time.GetUtcNow();
                    Trim();
                }

                EnqueueDueResends();
                if (await RunOnceAsync(stoppingToken).ConfigureAwait(false) >= BatchSize)
                {
                    // A full batch went out: there may be more due, so the backlog drains without waiting a poll per batch.
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "Alert delivery round failed; pending deliveries stay in the outbox.");
            }

            try
            {
                await Task.Delay(poll, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
