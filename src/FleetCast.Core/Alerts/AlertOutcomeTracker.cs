using FleetCast.Core.Metrics;
using FleetCast.Core.Windows;

namespace FleetCast.Core.Alerts;

/// <summary>Follows every predictive incident until its claim settles: it came true when ANY of its predicted
/// crossings happens by the deadline (a metric reaches its predicted threshold within the forecast horizon from
/// the evaluation that predicted it, even if the incident resolved meanwhile), else it did not happen. Not
/// thread-safe: the engine owns it.</summary>
/// <remarks>An incident claims the crossings of its findings at its own severity that are predicted (p50 or
/// p90); findings already over their threshold claim nothing, and an incident with no predicted finding at its
/// severity (e.g. it fired on a value already over a threshold) has no outcome. An escalation to a more severe
/// severity with predicted findings replaces an open claim (new crossings, new deadline); a de-escalation keeps
/// it. Metrics that join the incident later without a change of severity add no claim. An incident has one
/// outcome: once its claim settled, a later escalation of it claims nothing, so the counts stay those of its
/// stored row.</remarks>
public sealed class AlertOutcomeTracker
{
    private readonly TimeSpan _horizon;
    private readonly Dictionary<(string Server, DateTimeOffset StartedAt), AlertPrediction> _open = [];

    // Incidents still firing whose claim settled; forgotten when they resolve.
    private readonly HashSet<(string Server, DateTimeOffset StartedAt)> _settled = [];
    private readonly AlertOutcomeCounts[] _counts = [.. AlertOutcomeCounts.None];
    private DateTimeOffset? _settledThrough;

    /// <param name="horizon">How long after a prediction its crossing may come (the forecast horizon).</param>
    /// <param name="restored">Claims still open before a restart, from storage.</param>
    /// <param name="counts">Outcome counts so far, from storage.</param>
    /// <param name="settled">Incidents still firing before a restart whose claim had settled, from storage.</param>
    public AlertOutcomeTracker(TimeSpan horizon, IEnumerable<AlertPrediction>? restored = null, IEnumerable<AlertOutcomeCounts>? counts = null,
        IEnumerable<(string Server, DateTimeOffset StartedAt)>? settled = null)
    {
        if (horizon <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "horizon must be positive.");
        }

        _horizon = horizon;
        foreach (var prediction in restored ?? [])
        {
            _open[(prediction.Server, prediction.StartedAt)] = prediction;
        }

        foreach (var count in counts ?? [])
        {
            _counts[(int)count.Severity] = count;
        }

        _settled.UnionWith(settled ?? []);
    }

    /// <summary>Counts per severity (warning, critical) of every prediction seen, this process and before.</summary>
    public IReadOnlyList<AlertOutcomeCounts> Counts => [.. _counts];

    public int OpenCount => _open.Count;

    /// <summary>Opens (or replaces, on escalation) the claims of this step's transitions. Settle this step first:
    /// a claim that came true at the very step its incident escalated is settled, not replaced.</summary>
    /// <returns>The claims opened or replaced, to store.</returns>
    public IReadOnlyList<AlertPrediction> Open(IReadOnlyList<AlertTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var opened = new List<AlertPrediction>();
        foreach (var transition in transitions)
        {
            var alert = transition.Alert;
            var key = (alert.Server, alert.StartedAt);
            if (transition.Kind == AlertTransitionKind.Resolved)
            {
                _settled.Remove(key);
                if (_open.TryGetValue(key, out var open))
                {
                    _open[key] = open with { IncidentEnded = true };
                }

                continue;
            }

            var escalated = transition.Kind == AlertTransitionKind.SeverityChanged && transition.PreviousSeverity < alert.Headline.Severity;
            var claims = alert.Metrics
                .Where(f => f.Severity == alert.Headline.Severity && f.Likelihood != AlertLikelihood.Now)
                .Select(f => new AlertClaim(f.Metric, f.Threshold))
                .ToArray();
            if ((transition.Kind != AlertTransitionKind.Fired && !escalated) || claims.Length == 0 || _settled.Contains(key))
            {
                continue;
            }

            if (_open.Remove(key, out var replaced))
            {
                _counts[(int)replaced.Severity] = _counts[(int)replaced.Severity] with
                {
                    Predicted = _counts[(int)replaced.Severity].Predicted - 1,
                    Open = _counts[(int)replaced.Severity].Open - 1,
                };
            }

            var prediction = new AlertPrediction(alert.Server, claims[0].Metric, alert.StartedAt, alert.Headline.Severity, claims[0].Threshold, transition.At + _horizon)
            {
                Claims = claims,
            };
            _open[key] = prediction;
            _counts[(int)alert.Headline.Severity] = _counts[(int)alert.Headline.Severity].Add(AlertOutcome.Open);
            opened.Add(prediction);
        }

        return opened;
    }

    /// <summary>Settles the open claims at <paramref name="dataTime"/> against every step of the server's
    /// window since the last call (the engine may have skipped steps), after the claim was made and by its
    /// deadline; one that came true settles at the first step that reached a threshold.</summary>
    /// <param name="windowOf">The server's window up to <paramref name="dataTime"/>, or null when it was not
    /// observed this step (a stale server's claim stays open until its deadline).</param>
    public IReadOnlyList<AlertOutcomeSettlement> Settle(DateTimeOffset dataTime, Func<string, ServerWindow?> windowOf)
    {
        ArgumentNullException.ThrowIfNull(windowOf);
        List<AlertOutcomeSettlement>? settled = null;
        foreach (var prediction in _open.Values)
        {
            var window = windowOf(prediction.Server);
            var crossing = window is null ? null : FirstCrossing(prediction, window, dataTime);
            if (crossing is null && dataTime <= prediction.Deadline)
            {
                continue;
            }

            var settlement = crossing is { } c
                ? new AlertOutcomeSettlement(prediction.Server, c.Metric, prediction.StartedAt, prediction.Severity, AlertOutcome.CameTrue, c.At)
                : new AlertOutcomeSettlement(prediction.Server, prediction.Metric, prediction.StartedAt, prediction.Severity, AlertOutcome.DidNotHappen, dataTime);
            (settled ??= []).Add(settlement);
        }

        foreach (var settlement in settled ?? [])
        {
            var key = (settlement.Server, settlement.StartedAt);
            if (_open.Remove(key, out var prediction) && !prediction.IncidentEnded)
            {
                _settled.Add(key);
            }

            _counts[(int)settlement.Severity] = _counts[(int)settlement.Severity].Add(settlement.Outcome);
        }

        if (_settledThrough is null || dataTime > _settledThrough)
        {
            _settledThrough = dataTime;
        }

        return settled ?? (IReadOnlyList<AlertOutcomeSettlement>)[];
    }

    /// <summary>The first step of <paramref name="window"/> after the claim was made and after the last step
    /// settled, up to <paramref name="dataTime"/> and the deadline, at which any claimed metric reached its
    /// threshold; null when none did.</summary>
    private (Metric Metric, DateTimeOffset At)? FirstCrossing(AlertPrediction prediction, ServerWindow window, DateTimeOffset dataTime)
    {
        var made = prediction.Deadline - _horizon;
        var after = _settledThrough is { } through && through > made ? through : made;
        var until = dataTime < prediction.Deadline ? dataTime : prediction.Deadline;
        (Metric Metric, DateTimeOffset At)? first = null;
        // Newest to oldest, reading only the steps after `after`; the last crossing found is the first in time.
        for (var step = window.Length - 1; step >= 0 && window.TimeOf(step) > after; step--)
        {
            var at = window.TimeOf(step);
            var reached = at <= until ? prediction.Claims.FirstOrDefault(c => window.Observed[(int)c.Metric] && Reaches(c, window[step, c.Metric])) : null;
            if (reached is not null)
            {
                first = (reached.Metric, at);
            }
        }

        return first;
    }

    private static bool Reaches(AlertClaim claim, double value) =>
        !double.IsNaN(value) && (MetricCatalog.Get(claim.Metric).HighIsBad ? value >= claim.Threshold : value <= claim.Threshold);
}
