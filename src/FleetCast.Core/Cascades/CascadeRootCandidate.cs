using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>A server that may have started a cascade. <see cref="Score"/> (0–1) weighs the share of the other
/// affected servers whose profile depends on this one's (<see cref="ProfileDependencies"/>) and the share
/// whose anomaly began no earlier than this one's.</summary>
public sealed record CascadeRootCandidate(string Server, ServerProfile Profile, double Score, int DependentServers, DateTimeOffset AnomalousSince);
