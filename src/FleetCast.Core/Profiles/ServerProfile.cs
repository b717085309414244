namespace FleetCast.Core.Profiles;

/// <summary>The seven server profiles. Profiles change thresholds and the dependency map.</summary>
public enum ServerProfile
{
    MlCompute,
    Database,
    WebApi,
    ConductorMgmt,
    DataIngest,
    RiskAnalytics,
    Generic,
}
