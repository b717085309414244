using FleetCast.Core.Profiles;

namespace FleetCast.Dashboard.Shared;

/// <summary>One server in a ranking: name, profile, score and level.</summary>
public sealed record RiskBar(string Server, ServerProfile Profile, double RiskScore, LevelStyle Level, bool Stale);
