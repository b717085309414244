using FleetCast.Core.Levels;

namespace FleetCast.Dashboard.Tabs.Cascade;

/// <summary>A server of a co-occurrence group: when it entered warning or worse, and where it is now.</summary>
public sealed record CascadeMember(string Server, DateTimeOffset Entered, double CurrentRisk, RiskLevel CurrentLevel);
