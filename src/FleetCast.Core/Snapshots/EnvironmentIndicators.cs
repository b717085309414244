namespace FleetCast.Core.Snapshots;

/// <summary>Fleet incident indicators for the next 30 minutes and 8 hours. They are additive
/// heuristics on the forecast (not calibrated probabilities) and <see cref="Method"/> says so.</summary>
public sealed record EnvironmentIndicators(
    double IncidentIndicator30m,
    double IncidentIndicator8h,
    int HighRiskServers,
    int TotalServers,
    string FleetHealth,
    string Method);
