using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>Follows every predictive incident until its claim settles: it came true when ANY of its predicted
/// crossings happens by the deadline (a metric reaches its predicted threshold within the forecast horizon from
/// the evaluation that predicted it, even if the incident resolved meanwhile), else it did not happen. Not
/// thread-safe: the engine owns it.</summary>
/// <remarks>An incident claims the crossings of its findings at its own severity that are predicted (p50 or
/// p90); findings already over their threshold claim nothing, and an incident with no predicted finding at its
/// severity (e.g. it fired on a value already over a threshold) has no outcome. An escalation to a more severe
/// severity with predicted findings replaces the claim (new crossings, new deadline); a de-escalation keeps it.
/// Metrics that join the incident later without a change of severity add no claim.</remarks>
public sealed class AlertOutcomeTracker
{
    private readonly TimeSpan _horizon;
    private readonly Dictionary<(string Server, DateTimeOffset StartedAt), AlertPrediction> _open = [];
    private readonly AlertOutcomeCounts[] _counts = [.. AlertOutcomeCounts.None];

    /// <param name="horizon">How long after a prediction its crossing may come (the forecast horizon).</param>
    /// <param name="restored">Claims still open before a restart, from storage.</param>
    /// <param name="counts">Outcome counts so far, from storage.</param>
    public AlertOutcomeTracker(TimeSpan horizon, IEnumerable<AlertPrediction>? restored = null, IEnumerable<AlertOutcomeCounts>? counts = null)
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
    }

    /// <summary>Counts per severity (warning, critical) of every prediction seen, this process and before.</summary>
    public IReadOnlyList<AlertOutcomeCounts> Counts => [.. _counts];

    public int OpenCount => _open.Count;

    /// <summary>Opens (or replaces, on escalation) the claims of this step's transitions.</summary>
    /// <returns>The claims opened or replaced, to store.</returns>
    public IReadOnlyList<AlertPrediction> Open(IReadOnlyList<AlertTransition> transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        var opened = new List<AlertPrediction>();
        foreach (var transition in transitions)
        {
            var alert = transition.Alert;
            var escalated = transition.Kind == AlertTransitionKind.SeverityChanged && transition.PreviousSeverity < alert.Headline.Severity;
            var claims = alert.Metrics
                .Where(f => f.Severity == alert.Headline.Severity && f.Likelihood != AlertLikelihood.Now)
                .Select(f => new AlertClaim(f.Metric, f.Threshold))
                .ToArray();
            if ((transition.Kind != AlertTransitionKind.Fired && !escalated) || claims.Length == 0)
            {
                continue;
            }

            var key = (alert.Server, alert.StartedAt);
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

    /// <summary>Settles the open claims at <paramref name="dataTime"/>.</summary>
    /// <param name="currentOf">The server's latest values (catalog order, NaN = not observed), or null when it
    /// was not observed this step (a stale server's claim stays open until its deadline).</param>
    public IReadOnlyList<AlertOutcomeSettlement> Settle(DateTimeOffset dataTime, Func<string, double[]?> currentOf)
    {
        ArgumentNullException.ThrowIfNull(currentOf);
        List<AlertOutcomeSettlement>? settled = null;
        foreach (var (key, prediction) in _open)
        {
            var current = currentOf(prediction.Server);
            var reached = dataTime <= prediction.Deadline && current is not null
                ? prediction.Claims.FirstOrDefault(c => Reaches(c, current[(int)c.Metric]))
                : null;
            if (reached is null && dataTime <= prediction.Deadline)
            {
                continue;
            }

            var outcome = reached is not null ? AlertOutcome.CameTrue : AlertOutcome.DidNotHappen;
            (settled ??= []).Add(new AlertOutcomeSettlement(prediction.Server, reached?.Metric ?? prediction.Metric, prediction.StartedAt, prediction.Severity, outcome, dataTime));
        }

        foreach (var settlement in settled ?? [])
        {
            _open.Remove((settlement.Server, settlement.StartedAt));
            _counts[(int)settlement.Severity] = _counts[(int)settlement.Severity].Add(settlement.Outcome);
        }

        return settled ?? (IReadOnlyList<AlertOutcomeSettlement>)[];
    }

    private static bool Reaches(AlertClaim claim, double value) =>
        !double.IsNaN(value) && (MetricCatalog.Get(claim.Metric).HighIsBad ? value >= claim.Threshold : value <= claim.Threshold);
}
