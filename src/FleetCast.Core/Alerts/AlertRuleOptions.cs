namespace FleetCast.Core.Alerts;

/// <summary>Sensitivity and noise control of predictive alerts.</summary>
/// <remarks>The defaults are the shipped operating point `p50w48-p90w3-persist18-fire3`, chosen with
/// `fleetcast evaluate --seeds 11,12,13 --days 5 --servers 30 --origin-stride 1` as the setting with the highest
/// mean TFT recall of injected incidents among those with at most 0.2 false critical alerts per server-day on
/// every one of those selection fleets, then reported on separate test fleets (docs/model.md "Alerting quality
/// over seeds").</remarks>
public sealed record AlertRuleOptions
{
    /// <summary>A forecast crossing counts only if the quantile stays over the threshold this many consecutive
    /// steps (or until the horizon ends). Default 18 (90 min): brief forecast excursions over a threshold were
    /// most of the false alerts.</summary>
    public int PersistSteps { get; init; } = 18;

    /// <summary>Only the pessimistic quantile (p90, p10 of idle) crossing within this many steps raises a
    /// "possible" alert: far out the bands are wide by nature, and alerting on them floods a healthy fleet.
    /// Default 3 steps (15 min): at 6 one selection fleet had 0.24 false critical alerts per server-day.</summary>
    public int PossibleWithinSteps { get; init; } = 3;

    /// <summary>Only a "likely" (p50) crossing within this many steps raises an alert. Default 48 (4 h).</summary>
    public int LikelyWithinSteps { get; init; } = 48;

    /// <summary>An alert fires after being found in this many consecutive evaluations. Default 3 (15 min at
    /// the 5-minute step): a forecast's one- or two-step excursion over a threshold does not page.</summary>
    public int FireAfterEvaluations { get; init; } = 3;

    /// <summary>A firing alert resolves after this many consecutive evaluations without it (hysteresis).</summary>
    public int ResolveAfterEvaluations { get; init; } = 3;

    public static AlertRuleOptions Default { get; } = new();
}
