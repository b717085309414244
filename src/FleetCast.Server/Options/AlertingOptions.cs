namespace FleetCast.Server.Options;

/// <summary>Alert routing (section FleetCast:Alerting, env FLEETCAST__ALERTING__...): where fired and
/// resolved alerts are delivered, and how the durable outbox retries and trims.</summary>
public sealed class AlertingOptions
{
    /// <summary>Destinations; empty means alerts are only stored and shown, never sent.</summary>
    public List<AlertRouteOptions> Routes { get; set; } = [];

    /// <summary>HTTP attempts per delivery before it is marked failed (across restarts).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Immediate retries (Polly, exponential backoff with jitter) inside one delivery round.</summary>
    public int RetryAttempts { get; set; } = 2;

    /// <summary>First backoff delay, in milliseconds; it doubles per attempt (in-round and between rounds).</summary>
    public int RetryDelayMilliseconds { get; set; } = 1000;

    /// <summary>Longest wait between two attempts, in seconds.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 300;

    /// <summary>Timeout of one HTTP request, in seconds.</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;

    /// <summary>How often firing alerts are re-sent to Alertmanager routes, in seconds. Each send says the
    /// alert ends three intervals later, so keep it well under Alertmanager's resolve_timeout (default 5m)
    /// and its notification delays; Alertmanager expires the alerts that are no longer re-sent.</summary>
    public int ResendSeconds { get; set; } = 60;

    /// <summary>How often the worker looks for due deliveries and re-sends, in milliseconds.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Delivered and failed deliveries older than this are deleted.</summary>
    public int RetentionHours { get; set; } = 168;

    /// <summary>At most this many deliveries are kept in the outbox; beyond it the oldest finished ones
    /// are deleted, then the oldest pending ones are dropped (marked failed).</summary>
    public int MaxStoredDeliveries { get; set; } = 10_000;
}
