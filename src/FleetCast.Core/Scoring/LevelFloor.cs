using FleetCast.Core.Alerts;
using FleetCast.Core.Levels;

namespace FleetCast.Core.Scoring;

/// <summary>How threshold breaches and alerts map onto the one ladder: the lowest level a server may show
/// while it has them, so a level and the alerts beside it never disagree.</summary>
/// <remarks>
/// | what | lowest level |
/// |---|---|
/// | a value at or beyond its critical threshold now (alert or not) | critical |
/// | a value at or beyond its warning threshold now | warning |
/// | a critical alert whose p50 forecast crosses (likely) | degrading |
/// | any other predictive alert (critical possible, warning likely or possible) | watch |
/// </remarks>
public static class LevelFloor
{
    public static RiskLevel ForBreach(AlertSeverity severity) => severity == AlertSeverity.Critical ? RiskLevel.Critical : RiskLevel.Warning;

    public static RiskLevel ForAlert(AlertSeverity severity, AlertLikelihood likelihood) => likelihood switch
    {
        AlertLikelihood.Now => ForBreach(severity),
        AlertLikelihood.Likely when severity == AlertSeverity.Critical => RiskLevel.Degrading,
        _ => RiskLevel.Watch,
    };
}
