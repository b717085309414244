using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>One live server's anomaly at a step, as the cascade detector takes it.</summary>
public readonly record struct ServerAnomaly(string Server, ServerProfile Profile, AnomalyScore Anomaly);
