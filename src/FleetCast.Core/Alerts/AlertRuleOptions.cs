namespace FleetCast.Core.Alerts;

/// <summary>Noise control of predictive alerts.</summary>
public sealed record AlertRuleOptions
{
    /// <summary>A forecast crossing counts only if the quantile stays over the threshold this many consecutive steps.</summary>
    public int PersistSteps { get; init; } = 2;

    /// <summary>Only the pessimistic quantile (p90, p10 of idle) crossing within this many steps raises a
    /// "possible" alert: far out the bands are wide by nature, and alerting on them floods a healthy fleet.
    /// Default 12 steps (one hour at 5 min); "likely" (p50) crossings count over the whole horizon.</summary>
    public int PossibleWithinSteps { get; init; } = 12;

    /// <summary>Only a "likely" (p50) crossing within this many steps raises an alert; default the whole horizon.</summary>
    public int LikelyWithinSteps { get; init; } = int.MaxValue;

    /// <summary>An alert fires after being found in this many consecutive evaluations.</summary>
    public int FireAfterEvaluations { get; init; } = 1;

    /// <summary>A firing alert resolves after this many consecutive evaluations without it (hysteresis).</summary>
    public int ResolveAfterEvaluations { get; init; } = 3;

    public static AlertRuleOptions Default { get; } = new();
}
