using FleetCast.Core.Alerts;

namespace FleetCast.Core.Remediation;

/// <summary>When a rule acts: alerts of the listed profiles and metrics (empty = all) at <see cref="MinLevel"/>
/// or above. What it runs is the server's business (a webhook or a command).</summary>
public sealed record RemediationRule(string Name, IReadOnlySet<string> Profiles, IReadOnlySet<string> Metrics, AlertSeverity MinLevel, RemediationMode Mode)
{
    public bool Matches(RemediationTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.Level >= MinLevel
            && (Profiles.Count == 0 || Profiles.Contains(trigger.Profile))
            && (Metrics.Count == 0 || Metrics.Contains(trigger.Metric));
    }
}
