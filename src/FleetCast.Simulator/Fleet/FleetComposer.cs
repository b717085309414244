using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Fleet;

/// <summary>Builds the fleet: profile shares, names and problem children (REFERENCE.md "Fleet composition").</summary>
internal static class FleetComposer
{
    /// <summary>Share of the fleet per profile, in allocation order; web_api takes the remainder.</summary>
    private static readonly (ServerProfile Profile, double Share)[] Shares =
    [
        (ServerProfile.WebApi, 0.28),
        (ServerProfile.MlCompute, 0.22),
        (ServerProfile.Database, 0.17),
        (ServerProfile.DataIngest, 0.11),
        (ServerProfile.RiskAnalytics, 0.09),
        (ServerProfile.Generic, 0.07),
        (ServerProfile.ConductorMgmt, 0.06),
    ];

    private const int MaxGeneric = 10;
    private const double ProblemChildShare = 0.10;
    private const int ProblemChildPurpose = 1;

    public static IReadOnlyList<ServerIdentity> Compose(int servers, int seed)
    {
        var counts = Allocate(servers);
        var problemChildren = ChooseProblemChildren(servers, seed);
        var fleet = new List<ServerIdentity>(servers);
        foreach (var profile in ProfileNames.All)
        {
            for (var number = 1; number <= counts[(int)profile]; number++)
            {
                var index = fleet.Count;
                fleet.Add(new ServerIdentity(index, NameOf(profile, number), profile, problemChildren.Contains(index)));
            }
        }

        return fleet;
    }

    /// <summary>Servers per profile (indexed by <see cref="ServerProfile"/>): floor of the share, each
    /// at least one, generic at most ten, the remainder to web_api. Fleets smaller than the number of
    /// profiles get one server per profile in share order.</summary>
    public static int[] Allocate(int servers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        var counts = new int[ProfileNames.Count];
        if (servers < ProfileNames.Count)
        {
            for (var i = 0; i < servers; i++)
            {
                counts[(int)Shares[i].Profile] = 1;
            }

            return counts;
        }

        var assigned = 0;
        foreach (var (profile, share) in Shares.Skip(1))
        {
            var count = Math.Max(1, (int)Math.Floor(servers * share));
            if (profile == ServerProfile.Generic)
            {
                count = Math.Min(count, MaxGeneric);
            }

            counts[(int)profile] = count;
            assigned += count;
        }

        counts[(int)ServerProfile.WebApi] = servers - assigned;
        return counts;
    }

    /// <summary>Names that <see cref="ProfileRules.Default"/> maps back to the same profile.</summary>
    public static string NameOf(ServerProfile profile, int number) => profile switch
    {
        ServerProfile.MlCompute => $"ppml{number:D4}",
        ServerProfile.Database => $"ppdb{number:D3}",
        ServerProfile.WebApi => $"ppweb{number:D3}",
        ServerProfile.ConductorMgmt => $"ppcon{number:D2}",
        ServerProfile.DataIngest => $"ppetl{number:D3}",
        ServerProfile.RiskAnalytics => $"pprisk{number:D3}",
        _ => $"ppgen{number:D3}",
    };

    private static HashSet<int> ChooseProblemChildren(int servers, int seed)
    {
        var count = (int)Math.Round(servers * ProblemChildShare, MidpointRounding.AwayFromZero);
        var order = Enumerable.Range(0, servers).ToArray();
        SeedMixer.Create(seed, 0, ProblemChildPurpose).Shuffle(order);
        return [.. order.Take(count)];
    }
}
