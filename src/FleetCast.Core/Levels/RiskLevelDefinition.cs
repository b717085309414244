namespace FleetCast.Core.Levels;

/// <summary>One rung of the ladder: minimum score, colour, label and wire name.</summary>
public sealed record RiskLevelDefinition(RiskLevel Level, double MinScore, string Color, string Label, string WireName, string Icon);
