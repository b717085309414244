using FleetCast.Core.Levels;

namespace FleetCast.Dashboard.Shared;

/// <summary>How a risk level is shown: colour from the ladder plus an icon and a label, so the level
/// never depends on colour alone.</summary>
public sealed record LevelStyle(RiskLevel Level, string WireName, string Label, string Color, string Icon)
{
    private static readonly LevelStyle[] ByLevel = Enum.GetValues<RiskLevel>().Select(Create).ToArray();

    public static LevelStyle Of(RiskLevel level) => ByLevel[(int)level];

    /// <summary>Every level, highest first (the ladder's order).</summary>
    public static IReadOnlyList<LevelStyle> All { get; } = RiskLadder.Levels.Select(d => Of(d.Level)).ToArray();

    private static LevelStyle Create(RiskLevel level)
    {
        var definition = RiskLadder.Get(level);
        return new LevelStyle(level, definition.WireName, definition.Label, definition.Color, definition.Icon);
    }
}
