namespace FleetCast.Server.Options;

/// <summary>One rule: which alerts it takes, how it acts, and what it runs (a webhook URL or a command).</summary>
public sealed class RemediationRuleOptions
{
    public string Name { get; set; } = string.Empty;

    /// <summary>Comma-separated profile wire names; empty = every profile.</summary>
    public string? Profiles { get; set; }

    /// <summary>Comma-separated metric wire names; empty = every metric.</summary>
    public string? Metrics { get; set; }

    /// <summary>"warning" (default) or "critical".</summary>
    public string MinLevel { get; set; } = "warning";

    /// <summary>"dry-run" (default), "approval" or "automatic".</summary>
    public string? Mode { get; set; }

    /// <summary>http(s) URL POSTed with a JSON body; may hold {server}, {profile}, {metric}, {level}, {value} (URL-escaped).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent as "Authorization: Bearer ..." with the webhook; never logged or shown.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Absolute path of a program run without a shell.</summary>
    public string? Command { get; set; }

    /// <summary>The program's arguments, one per entry; each may hold the template variables.</summary>
    public List<string> Arguments { get; set; } = [];
}
