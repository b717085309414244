using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>The detector's mutable state of a cascade that has not ended.</summary>
internal sealed class OpenCascade(long id, ServerProfile dependency, DateTimeOffset detectedAt)
{
    private readonly List<MemberState> _members = [];

    public long Id { get; } = id;

    /// <summary>The profile the cascade's servers depend on (its roots are of this profile).</summary>
    public ServerProfile Dependency { get; } = dependency;

    public DateTimeOffset DetectedAt { get; } = detectedAt;

    public DateTimeOffset LastActiveAt { get; set; } = detectedAt;

    public int PeakServers { get; set; }

    public int QuietSteps { get; set; }

    public IReadOnlyList<MemberState> Members => _members;

    public static OpenCascade Restore(CascadeEvent stored)
    {
        var cascade = new OpenCascade(stored.Id, stored.Dependency, stored.DetectedAt) { LastActiveAt = stored.LastActiveAt, PeakServers = stored.PeakServers };
        foreach (var member in stored.Affected)
        {
            cascade._members.Add(new MemberState(member.Server, member.Profile, member.AnomalousSince) { PeakScore = member.PeakScore, PeakMetric = member.PeakMetric, RecentScore = member.RecentScore });
        }

        return cascade;
    }

    public MemberState Add(string server, ServerProfile profile, DateTimeOffset since)
    {
        var member = new MemberState(server, profile, since);
        _members.Add(member);
        return member;
    }

    public CascadeEvent ToEvent(CascadeOptions options, DateTimeOffset? endedAt)
    {
        var members = _members
            .Select(m => new CascadeMember(m.Server, m.Profile, m.Since, Math.Round(m.PeakScore, 2), m.PeakMetric, Math.Round(m.RecentScore, 2)))
            .OrderBy(m => m.AnomalousSince)
            .ThenBy(m => m.Server, StringComparer.Ordinal)
            .ToArray();
        var startedAt = members.Length == 0 ? DetectedAt : members[0].AnomalousSince;
        return new CascadeEvent(Id, Dependency, startedAt, endedAt, DetectedAt, LastActiveAt, options.SeverityOf(PeakServers), PeakServers,
            RootCauseRanker.Rank(members, options.MaxRootCandidates), members);
    }

    internal sealed class MemberState(string server, ServerProfile profile, DateTimeOffset since)
    {
        public string Server { get; } = server;

        public ServerProfile Profile { get; } = profile;

        public DateTimeOffset Since { get; } = since;

        public double PeakScore { get; set; }

        public Metric PeakMetric { get; set; }

        public double RecentScore { get; set; }

        public void Absorb(AnomalyScore anomaly)
        {
            if (anomaly.Score > PeakScore)
            {
                PeakScore = anomaly.Score;
                PeakMetric = anomaly.Metric;
            }
        }
    }
}
