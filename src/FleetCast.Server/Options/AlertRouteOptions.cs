namespace FleetCast.Server.Options;

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
