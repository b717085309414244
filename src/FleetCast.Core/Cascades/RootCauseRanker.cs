using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>Ranks a cascade's affected servers as its possible root: a server on whose profile many of the others
/// depend (<see cref="ProfileDependencies"/>), whose anomaly began no later than theirs and is strong ranks first.</summary>
public static class RootCauseRanker
{
    /// <summary>Weight of the share of the other affected servers that depend on the candidate's profile.</summary>
    public const double DependencyWeight = 0.5;

    /// <summary>Weight of the share of the other affected servers whose anomaly began no earlier.</summary>
    public const double EarlinessWeight = 0.1;

    /// <summary>Weight of the candidate's recent score relative to the highest of its profile in the cascade (which of
    /// several servers of the depended-on profile is most steadily in trouble).</summary>
    public const double StrengthWeight = 0.4;

    public static IReadOnlyList<CascadeRootCandidate> Rank(IReadOnlyList<CascadeMember> members, int max)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        if (members.Count < 2)
        {
            return [];
        }

        var others = members.Count - 1.0;
        var strongest = new Dictionary<ServerProfile, double>();
        foreach (var member in members)
        {
            strongest[member.Profile] = Math.Max(strongest.GetValueOrDefault(member.Profile), member.RecentScore);
        }

        var candidates = new List<CascadeRootCandidate>(members.Count);
        foreach (var member in members)
        {
            var dependents = 0;
            var notEarlier = 0;
            foreach (var other in members)
            {
                if (ReferenceEquals(other, member))
                {
                    continue;
                }

                if (ProfileDependencies.DependsOn(other.Profile, member.Profile))
                {
                    dependents++;
                }

                if (other.AnomalousSince >= member.AnomalousSince)
                {
                    notEarlier++;
                }
            }

            var strength = strongest[member.Profile] > 0 ? member.RecentScore / strongest[member.Profile] : 0;
            var score = (DependencyWeight * dependents / others) + (EarlinessWeight * notEarlier / others) + (StrengthWeight * strength);
            candidates.Add(new CascadeRootCandidate(member.Server, member.Profile, Math.Round(score, 4), dependents, member.AnomalousSince));
        }

        return candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.AnomalousSince)
            .ThenBy(c => c.Server, StringComparer.Ordinal)
            .Take(max)
            .ToArray();
    }
}
