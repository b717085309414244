namespace FleetCast.Simulator.Scenarios;

/// <summary>Drives metrics to fixed targets with small bounded jitter (degrading, critical, a failing
/// database in a cascade).</summary>
internal sealed class TargetRole(IReadOnlyList<MetricTarget> targets) : ScenarioRole
{
    public IReadOnlyList<MetricTarget> Targets { get; } = targets;

    public override void Shape(Span<double> values, Random random)
    {
        foreach (var target in Targets)
        {
            values[(int)target.Metric] = target.Value - target.Below + (random.NextDouble() * (target.Below + target.Above));
        }
    }
}
