using FleetCast.Core.Metrics;

namespace FleetCast.Core.Alerts;

/// <summary>Follows every predictive alert until its claim settles: it came true when the metric reaches the
/// predicted threshold by the deadline (the forecast horizon from the evaluation that predicted it, even if the
/// alert resolved meanwhile), else it did not happen. Not thread-safe: the engine owns it.</summary>
/// <remarks>An alert that fired because a value was already over a threshold claims nothing and has no
/// outcome. An escalation to a more severe predicted threshold replaces the claim (new threshold, new
/// deadline); a de-escalation keeps it.</remarks>
public sealed class AlertOutcomeTracker
{
    private readonly TimeSpan _horizon;
    private readonly Dictionary<(string Server, Metric Metric, DateTimeOffset StartedAt), AlertPrediction> _open = [];
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
            _open[(prediction.Server, prediction.Metric, prediction.StartedAt)] = prediction;
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
            var escalated = transition.Kind == AlertTransitionKind.SeverityChanged && transition.PreviousSeverity < alert.Severity;
            if ((transition.Kind != AlertTransitionKind.Fired && !escalated) || alert.Likelihood == AlertLikelihood.Now)
            {
                continue;
            }

            var key = (alert.Server, alert.Metric, alert.StartedAt);
            if (_open.Remove(key, out var replaced))
            {
                _counts[(int)replaced.Severity] = _counts[(int)replaced.Severity] with
                {
                    Predicted = _counts[(int)replaced.Severity].Predicted - 1,
                    Open = _counts[(int)replaced.Severity].Open - 1,
                };
            }

            var prediction = new AlertPrediction(alert.Server, alert.Metric, alert.StartedAt, alert.Severity, alert.Threshold, transition.At + _horizon);
            _open[key] = prediction;
            _counts[(int)alert.Severity] = _counts[(int)alert.Severity].Add(AlertOutcome.Open);
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
            var value = current is null ? double.NaN : current[(int)prediction.Metric];
            var reached = !double.IsNaN(value) && Reaches(prediction, value) && dataTime <= prediction.Deadline;
            if (!reached && dataTime <= prediction.Deadline)
            {
                continue;
            }

            var outcome = reached ? AlertOutcome.CameTrue : AlertOutcome.DidNotHappen;
            (settled ??= []).Add(new AlertOutcomeSettlement(prediction.Server, prediction.Metric, prediction.StartedAt, prediction.Severity, outcome, dataTime));
        }

        foreach (var settlement in settled ?? [])
        {
            _open.Remove((settlement.Server, settlement.Metric, settlement.StartedAt));
            _counts[(int)settlement.Severity] = _counts[(int)settlement.Severity].Add(settlement.Outcome);
        }

        return settled ?? (IReadOnlyList<AlertOutcomeSettlement>)[];
    }

    private static bool Reaches(AlertPrediction prediction, double value) =>
        MetricCatalog.Get(prediction.Metric).HighIsBad ? value >= prediction.Threshold : value <= prediction.Threshold;
}
