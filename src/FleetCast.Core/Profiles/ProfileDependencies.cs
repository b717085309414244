namespace FleetCast.Core.Profiles;

/// <summary>Which profiles depend on which (used for cascades): web_api, data_ingest,
/// risk_analytics and conductor_mgmt depend on database.</summary>
public static class ProfileDependencies
{
    public static IReadOnlyList<ServerProfile> DependenciesOf(ServerProfile profile) => profile switch
    {
        ServerProfile.WebApi or ServerProfile.DataIngest or ServerProfile.RiskAnalytics or ServerProfile.ConductorMgmt
            => [ServerProfile.Database],
        _ => [],
    };

    public static bool DependsOn(ServerProfile dependent, ServerProfile dependency) =>
        DependenciesOf(dependent).Contains(dependency);
}
