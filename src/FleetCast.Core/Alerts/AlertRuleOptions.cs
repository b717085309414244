namespace FleetCast.Core.Alerts;

/// <summary>Noise control of predictive alerts.</summary>
public sealed record AlertRuleOptions
{
    /// <summary>A forecast crossing counts only if the quantile stays over the threshold this many consecutive steps.</summary>
    public int PersistSteps { get; init; } = 2;

    /// <summary>An alert fires after being found in this many consecutive evaluations.</summary>
    public int FireAfterEvaluations { get; init; } = 1;

    /// <summary>A firing alert resolves after this many consecutive evaluations without it (hysteresis).</summary>
    public int ResolveAfterEvaluations { get; init; } = 3;

    public static AlertRuleOptions Default { get; } = new();
}
