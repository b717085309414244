using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>Finds cascades in per-step server anomalies, along <see cref="ProfileDependencies"/>. For a profile
/// others depend on (database), a cascade opens when at least <see cref="CascadeOptions.MinDependentShare"/> of the
/// live servers depending on it became anomalous within <see cref="CascadeOptions.OnsetWindowSteps"/> steps; with
/// its servers whose recent mean score reaches <see cref="CascadeOptions.RootThreshold"/> as possible roots, at least
/// <see cref="CascadeOptions.MinServers"/> servers of <see cref="CascadeOptions.MinProfiles"/> profiles. Servers of
/// those profiles that become anomalous while it is active join it. It ends after
/// <see cref="CascadeOptions.CloseAfterQuietSteps"/> steps with too few of its servers anomalous
/// (<see cref="CascadeOptions.KeepDependentShare"/>). One active cascade per depended-on profile.
/// Deterministic (the same steps give the same events); not thread-safe.</summary>
public sealed class CascadeDetector
{
    /// <summary>A server unseen this many steps is forgotten.</summary>
    private const int ForgetAfterSteps = 288;

    private static readonly ServerProfile[] DependedOn =
        [.. ProfileNames.All.Where(p => ProfileNames.All.Any(d => ProfileDependencies.DependsOn(d, p)))];

    private readonly Dictionary<string, ServerTrack> _tracks = new(StringComparer.Ordinal);
    private readonly List<OpenCascade> _open = [];
    private readonly Dictionary<string, OpenCascade> _memberOf = new(StringComparer.Ordinal);
    private readonly int[] _live = new int[ProfileNames.Count];
    private long _step;
    private long _nextId;

    /// <param name="restored">Cascades still active when the detector last stopped (from storage): they go on
    /// and end like any other once their servers calm down.</param>
    /// <param name="nextId">The id the next new cascade gets (one above the largest stored).</param>
    public CascadeDetector(CascadeOptions? options = null, IEnumerable<CascadeEvent>? restored = null, long nextId = 1)
    {
        Options = options ?? CascadeOptions.Default;
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid cascade options: " + string.Join(" ", errors), nameof(options));
        }

        _nextId = Math.Max(1, nextId);
        foreach (var stored in restored ?? [])
        {
            if (!stored.IsActive || _open.Any(c => c.Dependency == stored.Dependency))
            {
                continue;
            }

            var cascade = OpenCascade.Restore(stored);
            _open.Add(cascade);
            foreach (var member in cascade.Members)
            {
                _memberOf.TryAdd(member.Server, cascade);
            }

            _nextId = Math.Max(_nextId, stored.Id + 1);
        }
    }

    public CascadeOptions Options { get; }

    /// <summary>The cascades active after the last step.</summary>
    public IReadOnlyList<CascadeEvent> Active => _open.Select(c => c.ToEvent(Options, null)).ToArray();

    /// <summary>Takes one step's anomaly of every live server (a server left out counts as calm and not live).</summary>
    /// <returns>Every cascade active after this step, and those that ended at it (with their end time).</returns>
    public IReadOnlyList<CascadeEvent> Step(DateTimeOffset time, IReadOnlyList<ServerAnomaly> anomalies)
    {
        ArgumentNullException.ThrowIfNull(anomalies);
        _step++;
        UpdateTracks(time, anomalies);
        GrowOpenCascades(time);
        foreach (var dependency in DependedOn)
        {
            if (!_open.Any(c => c.Dependency == dependency))
            {
                TryOpen(dependency, time);
            }
        }

        return Settle(time);
    }

    private void UpdateTracks(DateTimeOffset time, IReadOnlyList<ServerAnomaly> anomalies)
    {
        Array.Clear(_live);
        foreach (var (server, profile, anomaly) in anomalies)
        {
            _live[(int)profile]++;
            if (!_tracks.TryGetValue(server, out var track))
            {
                track = new ServerTrack(profile, Options.OnsetWindowSteps);
                _tracks.Add(server, track);
            }

            track.Profile = profile;
            track.Record(_step, time, anomaly, anomaly.Score >= Options.AnomalyThreshold);
        }

        List<string>? forgotten = null;
        foreach (var (server, track) in _tracks)
        {
            track.Expire(_step, Options.HoldSteps);
            if (_step - track.SeenStep >= ForgetAfterSteps && !_memberOf.ContainsKey(server))
            {
                (forgotten ??= []).Add(server);
            }
        }

        foreach (var server in forgotten ?? [])
        {
            _tracks.Remove(server);
        }
    }

    /// <summary>Anomalous servers outside any cascade join an active one whose profile they are or depend on.</summary>
    private void GrowOpenCascades(DateTimeOffset time)
    {
        if (_open.Count == 0)
        {
            return;
        }

        foreach (var server in Unassigned(t => t.IsAnomalous))
        {
            var track = _tracks[server];
            foreach (var cascade in _open)
            {
                if (track.Profile == cascade.Dependency || ProfileDependencies.DependsOn(track.Profile, cascade.Dependency))
                {
                    Join(cascade, server, track, time);
                    break;
                }
            }
        }
    }

    private void TryOpen(ServerProfile dependency, DateTimeOffset time)
    {
        var dependents = Unassigned(t => t.IsAnomalous && _step - t.AnomalousSinceStep < Options.OnsetWindowSteps
            && ProfileDependencies.DependsOn(t.Profile, dependency));
        if (dependents.Count == 0 || dependents.Count < Options.MinDependentShare * Population(dependency))
        {
            return;
        }

        var roots = Unassigned(t => t.Profile == dependency && t.SeenStep == _step && t.RecentScore >= Options.RootThreshold);
        var profiles = dependents.Select(s => _tracks[s].Profile).Distinct().Count() + (roots.Count > 0 ? 1 : 0);
        if (dependents.Count + roots.Count < Options.MinServers || profiles < Options.MinProfiles)
        {
            return;
        }

        if (roots.Count == 0 && Unassigned(t => t.Profile == dependency && t.SeenStep == _step) is { Count: > 0 } live)
        {
            // Dependents of several profiles in trouble together implicate the profile they share even when none of
            // its servers stands out yet: its most troubled server is the best lead.
            roots = [live.MaxBy(s => _tracks[s].RecentScore)!];
        }

        var cascade = new OpenCascade(_nextId++, dependency, time);
        foreach (var server in roots.Concat(dependents))
        {
            Join(cascade, server, _tracks[server], time);
        }

        _open.Add(cascade);
    }

    /// <summary>Adds a server to a cascade; a possible root below the anomaly threshold counts from now.</summary>
    private void Join(OpenCascade cascade, string server, ServerTrack track, DateTimeOffset time)
    {
        cascade.Add(server, track.Profile, track.AnomalousSince ?? time);
        _memberOf[server] = cascade;
    }

    /// <summary>Updates each cascade's scores and activity, ends the quiet ones and returns the events.</summary>
    private List<CascadeEvent> Settle(DateTimeOffset time)
    {
        var events = new List<CascadeEvent>(_open.Count);
        for (var i = 0; i < _open.Count; i++)
        {
            var cascade = _open[i];
            var anomalous = 0;
            foreach (var member in cascade.Members)
            {
                if (_tracks.TryGetValue(member.Server, out var track) && track.SeenStep == _step)
                {
                    member.Absorb(track.Latest);
                    member.RecentScore = track.RecentScore;
                    anomalous += track.IsAnomalous ? 1 : 0;
                }
            }

            if (anomalous >= Math.Max(Options.MinServers, Options.KeepDependentShare * Population(cascade.Dependency)))
            {
                cascade.LastActiveAt = time;
                cascade.QuietSteps = 0;
                cascade.PeakServers = Math.Max(cascade.PeakServers, anomalous);
                events.Add(cascade.ToEvent(Options, null));
                continue;
            }

            if (++cascade.QuietSteps < Options.CloseAfterQuietSteps)
            {
                events.Add(cascade.ToEvent(Options, null));
                continue;
            }

            events.Add(cascade.ToEvent(Options, cascade.LastActiveAt));
            foreach (var member in cascade.Members)
            {
                if (_memberOf.TryGetValue(member.Server, out var of) && of == cascade)
                {
                    _memberOf.Remove(member.Server);
                }
            }

            _open.RemoveAt(i--);
        }

        return events;
    }

    /// <summary>Live servers whose profile depends on <paramref name="dependency"/>.</summary>
    private int Population(ServerProfile dependency)
    {
        var count = 0;
        foreach (var profile in ProfileNames.All)
        {
            if (ProfileDependencies.DependsOn(profile, dependency))
            {
                count += _live[(int)profile];
            }
        }

        return count;
    }

    /// <summary>Servers matching <paramref name="match"/> that belong to no active cascade, by name.</summary>
    private List<string> Unassigned(Func<ServerTrack, bool> match)
    {
        var servers = new List<string>();
        foreach (var (server, track) in _tracks)
        {
            if (match(track) && !_memberOf.ContainsKey(server))
            {
                servers.Add(server);
            }
        }

        servers.Sort(StringComparer.Ordinal);
        return servers;
    }
}
