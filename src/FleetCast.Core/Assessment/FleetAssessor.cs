using FleetCast.Core.Alerts;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Assessment;

/// <summary>The one assessment per server per step from which both its level and its alerts derive.
/// Owns the alert lifecycle; not thread-safe (the engine calls it from one loop).</summary>
/// <remarks>
/// Order within a step: the alert rule finds at most one candidate per server and metric (the most severe),
/// the tracker turns each server's candidates into its one incident (fire, escalate, de-escalate, resolve;
/// every metric found is listed in it), and only then is each
/// server scored, with its firing alerts, so that these invariants hold after every step
/// (docs/architecture.md "Alert quality invariants"; property-tested):
/// 1. the level is the ladder's level of the score;
/// 2. a value at or beyond its critical threshold now puts the server at critical or above, at warning
///    threshold at warning or above (alert or not: a warming-up server still shows it);
/// 3. a firing alert puts its server at or above <see cref="LevelFloor.ForAlert"/> of each metric it lists:
///    never healthy;
/// 4. at most one firing alert (incident) per server;
/// 5. a server still warming up, and any step assessed while history is being back-filled, raises no
///    alert (nothing fires, nothing resolves).
/// </remarks>
public sealed class FleetAssessor
{
    private readonly ThresholdTable _thresholds;
    private readonly ScoringOptions _scoring;
    private readonly AlertRuleOptions _alertRules;
    private readonly AlertTracker _tracker;

    public FleetAssessor(ThresholdTable thresholds, ScoringOptions scoring, AlertRuleOptions alertRules, IEnumerable<ActiveAlert>? restoredAlerts = null)
    {
        _thresholds = thresholds ?? throw new ArgumentNullException(nameof(thresholds));
        _scoring = scoring ?? throw new ArgumentNullException(nameof(scoring));
        _alertRules = alertRules ?? throw new ArgumentNullException(nameof(alertRules));
        _tracker = new AlertTracker(alertRules, restoredAlerts);
    }

    /// <summary>The firing alerts, one per server, ordered by server.</summary>
    public IReadOnlyCollection<ActiveAlert> Active => _tracker.Active;

    /// <param name="raiseAlerts">False while history is being back-filled: servers are scored (with the
    /// alerts already firing) but alerts neither fire nor resolve.</param>
    public FleetAssessment Assess(DateTimeOffset dataTime, IReadOnlyList<AssessmentInput> servers, bool raiseAlerts = true)
    {
        ArgumentNullException.ThrowIfNull(servers);
        IReadOnlyList<AlertTransition> transitions = [];
        if (raiseAlerts)
        {
            var candidates = new List<AlertCandidate>();
            foreach (var server in servers)
            {
                candidates.AddRange(PredictiveAlertRule.Evaluate(server.Server, server.Profile, server.Current, server.Forecast, server.Ready, _thresholds, _alertRules));
            }

            transitions = _tracker.Update(dataTime, servers.Select(s => s.Server).ToArray(), candidates);
        }

        var alertsByServer = AlertsByServer();
        var risks = new Dictionary<string, RiskAssessment>(servers.Count, StringComparer.Ordinal);
        foreach (var server in servers)
        {
            risks[server.Server] = RiskScorer.Score(server.Profile, server.Current, server.Forecast, _thresholds, _scoring,
                alertsByServer.GetValueOrDefault(server.Server));
        }

        return new FleetAssessment(risks, transitions, _tracker.Active);
    }

    /// <summary>Scores one server that is not part of a step (e.g. stale right after a restart) with its firing alerts.</summary>
    public RiskAssessment ScoreAlone(AssessmentInput server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var alerts = _tracker.Active.Where(a => string.Equals(a.Server, server.Server, StringComparison.Ordinal)).ToArray();
        return RiskScorer.Score(server.Profile, server.Current, server.Forecast, _thresholds, _scoring, alerts);
    }

    private Dictionary<string, List<ActiveAlert>> AlertsByServer()
    {
        var byServer = new Dictionary<string, List<ActiveAlert>>(StringComparer.Ordinal);
        foreach (var alert in _tracker.Active)
        {
            if (!byServer.TryGetValue(alert.Server, out var list))
            {
                byServer[alert.Server] = list = [];
            }

            list.Add(alert);
        }

        return byServer;
    }
}
