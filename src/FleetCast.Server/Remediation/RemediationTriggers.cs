using FleetCast.Core.Profiles;
using FleetCast.Core.Remediation;
using FleetCast.Core.Snapshots;

namespace FleetCast.Server.Remediation;

/// <summary>The firing alerts of a published snapshot as remediation triggers (the one place that reads alert views).</summary>
public static class RemediationTriggers
{
    public static IReadOnlyList<RemediationTrigger> Of(FleetSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. snapshot.Alerts.Select(a => new RemediationTrigger(a.Server, ProfileNames.ToWire(a.Profile), a.Metric, a.Severity, a.PredictedValue, a.StartedAt))];
    }
}
