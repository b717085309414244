using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>One detected cascade: anomalies that spread across servers linked by profile dependencies.</summary>
/// <param name="Dependency">The profile the affected servers depend on; its servers are the root candidates.</param>
/// <param name="StartedAt">Data time the earliest affected server's anomaly began.</param>
/// <param name="EndedAt">Data time of the last step with enough servers still anomalous; null while active.</param>
/// <param name="LastActiveAt">Data time of the last step with at least the minimum number of servers anomalous.</param>
/// <param name="PeakServers">The most affected servers anomalous at one step.</param>
public sealed record CascadeEvent(
    long Id,
    ServerProfile Dependency,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    DateTimeOffset DetectedAt,
    DateTimeOffset LastActiveAt,
    CascadeSeverity Severity,
    int PeakServers,
    IReadOnlyList<CascadeRootCandidate> RootCandidates,
    IReadOnlyList<CascadeMember> Affected)
{
    public bool IsActive => EndedAt is null;
}
