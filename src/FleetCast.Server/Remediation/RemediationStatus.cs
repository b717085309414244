namespace FleetCast.Server.Remediation;

/// <summary>Wire names of an action's status.</summary>
public static class RemediationStatus
{
    /// <summary>Dry-run rule: recorded what would run; never runs.</summary>
    public const string DryRun = "dry-run";

    /// <summary>Waits for approval (approval rule).</summary>
    public const string Pending = "pending";

    /// <summary>Approved (or automatic) and running now.</summary>
    public const string Running = "running";

    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Rejected = "rejected";

    /// <summary>Not approved within Remediation:ApprovalTimeoutMinutes; never runs.</summary>
    public const string Expired = "expired";

    /// <summary>Held back by the server's cool-down or the fleet's rate limit; never runs.</summary>
    public const string Suppressed = "suppressed";

    public static IReadOnlyList<string> All { get; } = [DryRun, Pending, Running, Succeeded, Failed, Rejected, Expired, Suppressed];
}
