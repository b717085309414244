namespace FleetCast.Server.Alerting;

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

/// <summary>One destination.</summary>
public sealed class AlertRouteOptions
{
    /// <summary>Unique name, shown in the dashboard and the API.</summary>
    public string Name { get; set; } = string.Empty;

    public const int DefaultRepeatMinutes = 240;

    /// <summary>"alertmanager" (POST {Url}/api/v2/alerts, Alertmanager v2 JSON), "slack" (a Slack-compatible
    /// incoming webhook URL) or "webhook" (POST one FleetCast JSON event per alert to Url).</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Absolute http(s) URL: the Alertmanager base URL, or the webhook's full URL.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>Lowest severity sent: "warning" (default, both) or "critical".</summary>
    public string MinLevel { get; set; } = "warning";

    /// <summary>Comma-separated profile wire names (e.g. "database,web_api"); empty = every profile.</summary>
    public string? Profiles { get; set; }

    /// <summary>Comma-separated metric wire names (e.g. "mem_used_pct"); empty = every metric.</summary>
    public string? Metrics { get; set; }

    /// <summary>Slack and webhook routes: a still-firing alert is sent again every this many minutes
    /// (default 240; 0 = never). Alertmanager routes are re-sent every Alerting:ResendSeconds instead
    /// (Alertmanager's own repeat_interval decides when people are reminded).</summary>
    public int? RepeatMinutes { get; set; }

    /// <summary>Secret sent as "Authorization: Bearer ..."; never logged, never shown (only "configured").</summary>
    public string? BearerToken { get; set; }
}
