using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Behaviour;

/// <summary>Per-profile baselines. cpu_user, iowait, memory, network and load are REFERENCE.md's
/// "Per-profile baselines" (fractions turned into percent); cpu_sys, close-wait counts and the Java
/// share are not in the reference and are plausible values chosen here.</summary>
internal static class ProfileBaselines
{
    private static readonly ProfileBaseline[] ByProfile = Build();

    public static ProfileBaseline For(ServerProfile profile) => ByProfile[(int)profile];

    private static ProfileBaseline[] Build()
    {
        var table = new ProfileBaseline[ProfileNames.Count];
        table[(int)ServerProfile.MlCompute] = new(new(45, 12), new(6, 2), new(2, 1), new(72, 10), new(8.5, 3), new(5.2, 2), new(6.5, 2), new(1, 0.7), new(1, 0.7), 0.35);
        table[(int)ServerProfile.Database] = new(new(25, 8), new(8, 2.5), new(15, 5), new(68, 10), new(35, 12), new(28, 10), new(4.2, 1.5), new(4, 1.5), new(1, 0.7), 0.15);
        table[(int)ServerProfile.WebApi] = new(new(18, 6), new(5, 1.5), new(3, 2), new(45, 10), new(85, 25), new(120, 35), new(2.8, 1), new(6, 2.5), new(12, 4), 0.75);
        table[(int)ServerProfile.ConductorMgmt] = new(new(15, 6), new(4, 1.5), new(2, 1), new(42, 8), new(22, 8), new(18, 6), new(3.2, 1.2), new(3, 1.2), new(4, 1.5), 0.65);
        table[(int)ServerProfile.DataIngest] = new(new(35, 10), new(7, 2), new(8, 3), new(62, 12), new(150, 45), new(95, 30), new(5.5, 2), new(3, 1.2), new(2, 1), 0.55);
        table[(int)ServerProfile.RiskAnalytics] = new(new(55, 15), new(6, 2), new(2, 1), new(70, 10), new(12, 4), new(8, 3), new(8.2, 2.5), new(2, 1), new(1, 0.7), 0.6);
        table[(int)ServerProfile.Generic] = new(new(12, 5), new(3, 1), new(1, 1), new(35, 8), new(15, 8), new(12, 6), new(1.5, 0.8), new(1, 0.7), new(1, 0.7), 0.3);
        return table;
    }
}
