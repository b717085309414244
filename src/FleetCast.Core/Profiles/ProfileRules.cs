namespace FleetCast.Core.Profiles;

/// <summary>Ordered name → profile rules; the first match wins, anything unmatched is generic.</summary>
public sealed class ProfileRules
{
    public ProfileRules(IEnumerable<ProfileRule> rules) => Rules = rules.ToArray();

    public IReadOnlyList<ProfileRule> Rules { get; }

    public static ProfileRules Default { get; } = new(
    [
        ProfileRule.Create("^ppml", ServerProfile.MlCompute),
        ProfileRule.Create("^ppdb", ServerProfile.Database),
        ProfileRule.Create("^ppweb|^ppapi", ServerProfile.WebApi),
        ProfileRule.Create("^ppcon", ServerProfile.ConductorMgmt),
        ProfileRule.Create("^ppetl", ServerProfile.DataIngest),
        ProfileRule.Create("^pprisk", ServerProfile.RiskAnalytics),
    ]);

    public ServerProfile Resolve(string serverName)
    {
        foreach (var rule in Rules)
        {
            if (rule.Pattern.IsMatch(serverName))
            {
                return rule.Profile;
            }
        }

        return ServerProfile.Generic;
    }
}
