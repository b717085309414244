namespace FleetCast.Server.Options;

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
