namespace FleetCast.Core.Levels;

/// <summary>The one ladder of levels used everywhere (DESIGN.md section 5).</summary>
public static class RiskLadder
{
    /// <summary>Highest level first.</summary>
    public static IReadOnlyList<RiskLevelDefinition> Levels { get; } =
    [
        new(RiskLevel.ImminentFailure, 90, "#7f1d1d", "Imminent failure", "imminent-failure", "‼"),
        new(RiskLevel.Critical, 80, "#dc2626", "Critical", "critical", "✖"),
        new(RiskLevel.Danger, 70, "#ea580c", "Danger", "danger", "▲"),
        new(RiskLevel.Warning, 60, "#f59e0b", "Warning", "warning", "⚠"),
        new(RiskLevel.Degrading, 50, "#eab308", "Degrading", "degrading", "↘"),
        new(RiskLevel.Watch, 30, "#84cc16", "Watch", "watch", "◔"),
        new(RiskLevel.Healthy, 0, "#16a34a", "Healthy", "healthy", "✔"),
    ];

    public static RiskLevel FromScore(double score)
    {
        foreach (var level in Levels)
        {
            if (score >= level.MinScore)
            {
                return level.Level;
            }
        }

        return RiskLevel.Healthy;
    }

    public static RiskLevelDefinition Get(RiskLevel level) => Levels[Levels.Count - 1 - (int)level];

    public static string ToWire(RiskLevel level) => Get(level).WireName;

    public static bool TryParse(string wire, out RiskLevel level)
    {
        foreach (var definition in Levels)
        {
            if (definition.WireName == wire)
            {
                level = definition.Level;
                return true;
            }
        }

        level = RiskLevel.Healthy;
        return false;
    }
}
