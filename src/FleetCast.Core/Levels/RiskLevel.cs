namespace FleetCast.Core.Levels;

/// <summary>The single ladder of risk levels, lowest first.</summary>
public enum RiskLevel
{
    Healthy,
    Watch,
    Degrading,
    Warning,
    Danger,
    Critical,
    ImminentFailure,
}
