using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>Alert lifecycle (firing → resolved), one per server: an incident that lists every metric of the
/// server found crossing, whose severity escalates and de-escalates within it, with fire-after and
/// resolve-after counts so alerts do not flap. Not thread-safe: the engine owns it.</summary>
/// <remarks>A server must have at least one candidate (any metric) in
/// <see cref="AlertRuleOptions.FireAfterEvaluations"/> consecutive evaluations of it to fire; the start is the
/// data time of the first of them. A firing incident is refreshed by every evaluation that finds any of the
/// server's metrics: its headline becomes the most urgent metric found
/// (<see cref="AlertMetricFinding.CompareUrgency"/>) and its severity the headline's. It resolves after
/// <see cref="AlertRuleOptions.ResolveAfterEvaluations"/> consecutive evaluations of its server that find no
/// metric at all. A more severe finding escalates it at once (same start, one lifecycle); a critical incident
/// whose server only has warning findings de-escalates after as many consecutive evaluations as a
/// resolution takes (until then it keeps its last critical evaluation). Evaluations of other servers change
/// nothing for it.</remarks>
public sealed class AlertTracker
{
    private readonly AlertRuleOptions _options;
    private readonly SortedDictionary<AlertKey, Firing> _firing = new(AlertKeyComparer.Instance);
    private readonly Dictionary<AlertKey, Pending> _pending = [];
    private IReadOnlyCollection<ActiveAlert> _active = [];

    /// <param name="restored">Alerts that were firing before a restart (from storage). Where storage holds
    /// several for one server (a database written when alerts were per server + metric), they are merged
    /// into one incident: the earliest start, the most severe (most urgent) headline, every metric.</param>
    public AlertTracker(AlertRuleOptions options, IEnumerable<ActiveAlert>? restored = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.FireAfterEvaluations < 1)
        {
            throw new ArgumentException($"options.FireAfterEvaluations must be at least 1; got {options.FireAfterEvaluations}.", nameof(options));
        }

        if (options.ResolveAfterEvaluations < 1)
        {
            throw new ArgumentException($"options.ResolveAfterEvaluations must be at least 1; got {options.ResolveAfterEvaluations}.", nameof(options));
        }

        _options = options;
        foreach (var group in (restored ?? []).GroupBy(a => a.Key))
        {
            var alert = IncidentMerge.Of([.. group]);
            _firing[group.Key] = new Firing(alert);
        }

        _active = SnapshotActive();
    }

    /// <summary>The firing alerts, one per server, ordered by server.</summary>
    public IReadOnlyCollection<ActiveAlert> Active => _active;

    /// <summary>Applies one evaluation of the servers in <paramref name="evaluatedServers"/>; alerts of
    /// servers not evaluated (stale) are left as they are. A server that has a candidate counts as
    /// evaluated even if the caller left it out of <paramref name="evaluatedServers"/>.</summary>
    /// <returns>Transitions to store, ordered by server.</returns>
    public IReadOnlyList<AlertTransition> Update(DateTimeOffset dataTime, IReadOnlyCollection<string> evaluatedServers, IEnumerable<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(evaluatedServers);
        ArgumentNullException.ThrowIfNull(candidates);

        var found = FindingsByServer(candidates);
        var evaluated = new HashSet<string>(evaluatedServers, StringComparer.Ordinal);
        evaluated.UnionWith(found.Keys.Select(k => k.Server));
        var transitions = new List<AlertTransition>();

        foreach (var (key, findings) in found)
        {
            var severity = findings[0].Severity;
            if (_firing.TryGetValue(key, out var firing))
            {
                firing.Misses = 0;
                firing.Seen.UnionWith(findings.Select(f => f.Metric));
                if (severity == firing.Alert.Headline.Severity)
                {
                    firing.Downgrades = 0;
                    firing.Alert = Build(key, findings, firing.Seen, firing.Alert.StartedAt, dataTime);
                }
                else if (severity > firing.Alert.Headline.Severity || ++firing.Downgrades >= _options.ResolveAfterEvaluations)
                {
                    var previous = firing.Alert.Headline.Severity;
                    firing.Downgrades = 0;
                    firing.Alert = Build(key, findings, firing.Seen, firing.Alert.StartedAt, dataTime);
                    transitions.Add(new AlertTransition(firing.Alert, AlertTransitionKind.SeverityChanged, dataTime) { PreviousSeverity = previous });
                }

                continue;
            }

            var pending = _pending.TryGetValue(key, out var seen) ? seen : new Pending(dataTime);
            pending.Count++;
            pending.Seen.UnionWith(findings.Select(f => f.Metric));
            if (pending.Count >= _options.FireAfterEvaluations)
            {
                _pending.Remove(key);
                var alert = Build(key, findings, pending.Seen, pending.FirstSeen, dataTime);
                _firing[key] = new Firing(alert);
                transitions.Add(new AlertTransition(alert, AlertTransitionKind.Fired, dataTime));
            }
            else
            {
                _pending[key] = pending;
            }
        }

        // A run of sightings is broken by any evaluation of the server that finds none of its metrics.
        foreach (var key in _pending.Keys.Where(k => evaluated.Contains(k.Server) && !found.ContainsKey(k)).ToArray())
        {
            _pending.Remove(key);
        }

        foreach (var (key, firing) in _firing.Where(e => evaluated.Contains(e.Key.Server) && !found.ContainsKey(e.Key)).ToArray())
        {
            firing.Misses++;
            if (firing.Misses >= _options.ResolveAfterEvaluations)
            {
                _firing.Remove(key);
                transitions.Add(new AlertTransition(firing.Alert, AlertTransitionKind.Resolved, dataTime));
            }
        }

        _active = SnapshotActive();
        transitions.Sort((a, b) => AlertKeyComparer.Instance.Compare(a.Alert.Key, b.Alert.Key));
        return transitions;
    }

    /// <summary>Per server, one finding per metric (its most urgent candidate), most urgent first.</summary>
    private static Dictionary<AlertKey, List<AlertMetricFinding>> FindingsByServer(IEnumerable<AlertCandidate> candidates)
    {
        var byMetric = new Dictionary<AlertKey, Dictionary<Metric, AlertMetricFinding>>();
        foreach (var candidate in candidates)
        {
            if (!byMetric.TryGetValue(candidate.Key, out var metrics))
            {
                byMetric[candidate.Key] = metrics = [];
            }

            var finding = candidate.ToFinding();
            if (!metrics.TryGetValue(candidate.Metric, out var other) || AlertMetricFinding.CompareUrgency(finding, other) < 0)
            {
                metrics[candidate.Metric] = finding;
            }
        }

        return byMetric.ToDictionary(e => e.Key, e =>
        {
            var list = e.Value.Values.ToList();
            list.Sort(AlertMetricFinding.CompareUrgency);
            return list;
        });
    }

    private static ActiveAlert Build(AlertKey key, List<AlertMetricFinding> findings, IEnumerable<Metric> seen, DateTimeOffset startedAt, DateTimeOffset dataTime) =>
        ActiveAlert.FromFindings(key.Server, [.. findings], seen, startedAt, dataTime);

    private IReadOnlyCollection<ActiveAlert> SnapshotActive() => _firing.Values.Select(f => f.Alert).ToArray().AsReadOnly();

    private sealed class Firing(ActiveAlert alert)
    {
        public ActiveAlert Alert { get; set; } = alert;

        /// <summary>Every metric found since the lifecycle started.</summary>
        public HashSet<Metric> Seen { get; } = [.. alert.SeenMetrics];

        public int Misses { get; set; }

        /// <summary>Consecutive evaluations that found the server only at a lower severity.</summary>
        public int Downgrades { get; set; }
    }

    private sealed class Pending(DateTimeOffset firstSeen)
    {
        public DateTimeOffset FirstSeen { get; } = firstSeen;

        public int Count { get; set; }

        public HashSet<Metric> Seen { get; } = [];
    }
}
