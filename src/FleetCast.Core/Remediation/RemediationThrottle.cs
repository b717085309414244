namespace FleetCast.Core.Remediation;

/// <summary>Limits how often remediation acts: at most one action per server per cool-down, and at most
/// <see cref="MaxPerHour"/> actions across the fleet in any hour. Dry runs count too, so they show what would
/// really happen.</summary>
public sealed record RemediationThrottle(TimeSpan Cooldown, int MaxPerHour)
{
    /// <param name="lastForServer">When the server's last counted action was created; null if never.</param>
    /// <param name="inLastHour">Counted actions created in the hour before <paramref name="now"/>.</param>
    /// <returns>Null when the action may go ahead, else why not.</returns>
    public string? Refusal(DateTimeOffset now, DateTimeOffset? lastForServer, int inLastHour)
    {
        if (lastForServer is { } last && now - last < Cooldown)
        {
            return $"cool-down: this server had an action at {last.UtcDateTime:O}; the next is allowed from {(last + Cooldown).UtcDateTime:O}";
        }

        return inLastHour >= MaxPerHour ? $"rate limit: {inLastHour} actions in the last hour (at most {MaxPerHour})" : null;
    }
}
