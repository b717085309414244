namespace FleetCast.Core.Alerts;

/// <summary>Alert lifecycle (firing → resolved), one per server + metric, whose severity escalates and
/// de-escalates within it, with fire-after and resolve-after counts so alerts do not flap. Not
/// thread-safe: the engine owns it.</summary>
/// <remarks>A candidate must be found in <see cref="AlertRuleOptions.FireAfterEvaluations"/> consecutive
/// evaluations of its server to fire; its start is the data time of the first of them. A firing alert is
/// refreshed by every evaluation that finds it again and resolves after
/// <see cref="AlertRuleOptions.ResolveAfterEvaluations"/> consecutive evaluations of its server without it.
/// A more severe candidate escalates it at once (same start, one lifecycle); a critical alert whose metric
/// is only found at warning de-escalates after as many consecutive evaluations as a resolution takes.
/// Evaluations of other servers change nothing for it.</remarks>
public sealed class AlertTracker
{
    private readonly AlertRuleOptions _options;
    private readonly SortedDictionary<AlertKey, Firing> _firing = new(AlertKeyComparer.Instance);
    private readonly Dictionary<AlertKey, Pending> _pending = [];
    private IReadOnlyCollection<ActiveAlert> _active = [];

    /// <param name="restored">Alerts that were firing before a restart (from storage). Where storage
    /// holds a server + metric twice (a database written before alerts escalated in place), the more
    /// severe one is kept with the earliest start.</param>
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
        foreach (var alert in restored ?? [])
        {
            if (!_firing.TryGetValue(alert.Key, out var existing))
            {
                _firing[alert.Key] = new Firing(alert);
                continue;
            }

            var kept = alert.Severity > existing.Alert.Severity ? alert : existing.Alert;
            var start = alert.StartedAt < existing.Alert.StartedAt ? alert.StartedAt : existing.Alert.StartedAt;
            existing.Alert = kept with { StartedAt = start };
        }

        _active = SnapshotActive();
    }

    /// <summary>The firing alerts, ordered by server, metric and severity.</summary>
    public IReadOnlyCollection<ActiveAlert> Active => _active;

    /// <summary>Applies one evaluation of the servers in <paramref name="evaluatedServers"/>; alerts of
    /// servers not evaluated (stale) are left as they are. A server that has a candidate counts as
    /// evaluated even if the caller left it out of <paramref name="evaluatedServers"/>.</summary>
    /// <returns>Transitions to store, ordered by server, metric and severity.</returns>
    public IReadOnlyList<AlertTransition> Update(DateTimeOffset dataTime, IReadOnlyCollection<string> evaluatedServers, IEnumerable<AlertCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(evaluatedServers);
        ArgumentNullException.ThrowIfNull(candidates);

        var found = new Dictionary<AlertKey, AlertCandidate>();
        foreach (var candidate in candidates)
        {
            if (!found.TryGetValue(candidate.Key, out var other) || MoreUrgent(candidate, other))
            {
                found[candidate.Key] = candidate;
            }
        }

        var evaluated = new HashSet<string>(evaluatedServers, StringComparer.Ordinal);
        evaluated.UnionWith(found.Keys.Select(k => k.Server));
        var transitions = new List<AlertTransition>();

        foreach (var (key, candidate) in found)
        {
            if (_firing.TryGetValue(key, out var firing))
            {
                firing.Misses = 0;
                if (candidate.Severity == firing.Alert.Severity)
                {
                    firing.Downgrades = 0;
                    firing.Alert = Refresh(firing.Alert, candidate, dataTime);
                }
                else if (candidate.Severity > firing.Alert.Severity || ++firing.Downgrades >= _options.ResolveAfterEvaluations)
                {
                    var previous = firing.Alert.Severity;
                    firing.Downgrades = 0;
                    firing.Alert = Refresh(firing.Alert, candidate, dataTime);
                    transitions.Add(new AlertTransition(firing.Alert, AlertTransitionKind.SeverityChanged, dataTime) { PreviousSeverity = previous });
                }

                continue;
            }

            var pending = _pending.TryGetValue(key, out var seen) ? seen with { Count = seen.Count + 1 } : new Pending(1, dataTime);
            if (pending.Count >= _options.FireAfterEvaluations)
            {
                _pending.Remove(key);
                var alert = new ActiveAlert(candidate.Server, candidate.Metric, candidate.Severity, candidate.Likelihood, candidate.Threshold,
                    candidate.PredictedValue, candidate.MinutesAhead, pending.FirstSeen, dataTime);
                _firing[key] = new Firing(alert);
                transitions.Add(new AlertTransition(alert, AlertTransitionKind.Fired, dataTime));
            }
            else
            {
                _pending[key] = pending;
            }
        }

        // A run of sightings is broken by any evaluation of the server that does not find the key.
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

    private static bool MoreUrgent(AlertCandidate candidate, AlertCandidate other) =>
        candidate.Severity != other.Severity
            ? candidate.Severity > other.Severity
            : candidate.Likelihood != other.Likelihood
                ? candidate.Likelihood < other.Likelihood
                : candidate.MinutesAhead < other.MinutesAhead;

    private static ActiveAlert Refresh(ActiveAlert alert, AlertCandidate candidate, DateTimeOffset dataTime) =>
        alert with
        {
            Severity = candidate.Severity,
            Likelihood = candidate.Likelihood,
            Threshold = candidate.Threshold,
            PredictedValue = candidate.PredictedValue,
            MinutesAhead = candidate.MinutesAhead,
            LastEvaluatedAt = dataTime,
        };

    private IReadOnlyCollection<ActiveAlert> SnapshotActive() => _firing.Values.Select(f => f.Alert).ToArray().AsReadOnly();

    private sealed class Firing(ActiveAlert alert)
    {
        public ActiveAlert Alert { get; set; } = alert;

        public int Misses { get; set; }

        /// <summary>Consecutive evaluations that found the metric only at a lower severity.</summary>
        public int Downgrades { get; set; }
    }

    private sealed record Pending(int Count, DateTimeOffset FirstSeen);
}
