using FleetCast.Core.Metrics;

namespace FleetCast.Simulator.Scenarios;

/// <summary>A server that depends on a failed database (REFERENCE.md "Scenarios", cascade), with
/// strength s in 0.5–0.85 scaling each effect (an effect "×k" becomes ×(1 + (k − 1)s)):
/// connection failures (back_close_wait ×3 +15, front_close_wait ×2.5 +10, load ×1.3, cpu_sys ×1.4),
/// request queuing (load ×2, memory ×1.15) and data starvation (cpu_user ×0.4, net_in ×0.15).</summary>
internal sealed class CascadeDependentRole(double strength) : ScenarioRole
{
    public double Strength { get; } = strength;

    public override void Shape(Span<double> values, Random random)
    {
        Scale(values, Metric.BackCloseWait, 3, 15);
        Scale(values, Metric.FrontCloseWait, 2.5, 10);
        Scale(values, Metric.LoadAverage, 1.3, 0);
        Scale(values, Metric.CpuSysPct, 1.4, 0);
        Scale(values, Metric.LoadAverage, 2, 0);
        Scale(values, Metric.MemUsedPct, 1.15, 0);
        Scale(values, Metric.CpuUserPct, 0.4, 0);
        Scale(values, Metric.NetInMbS, 0.15, 0);
    }

    private void Scale(Span<double> values, Metric metric, double factor, double offset)
    {
        ref var value = ref values[(int)metric];
        value = (value * (1 + ((factor - 1) * Strength))) + (offset * Strength);
    }
}
