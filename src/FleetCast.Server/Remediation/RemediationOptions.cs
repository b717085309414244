namespace FleetCast.Server.Remediation;

/// <summary>Auto-remediation (section FleetCast:Remediation, env FLEETCAST__REMEDIATION__...). No rules = nothing
/// is ever run; a rule without a Mode only records what it would run (dry-run).</summary>
public sealed class RemediationOptions
{
    public List<RemediationRuleOptions> Rules { get; set; } = [];

    /// <summary>Least time between two actions for one server (wall clock).</summary>
    public int CooldownMinutes { get; set; } = 30;

    /// <summary>Most actions across the fleet in any hour (wall clock).</summary>
    public int MaxActionsPerHour { get; set; } = 10;

    /// <summary>A pending action not approved within this many minutes expires and can no longer run.</summary>
    public int ApprovalTimeoutMinutes { get; set; } = 60;

    /// <summary>Timeout of one webhook call or command, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Decided and finished actions (every status but pending and running) older than this are deleted.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>At most this many characters of a response body or command output are kept in the audit log.</summary>
    public int MaxOutputChars { get; set; } = 2000;
}

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
