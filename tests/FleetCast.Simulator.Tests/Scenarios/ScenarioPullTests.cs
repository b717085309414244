using FleetCast.Core.Metrics;
using FleetCast.Simulator.Scenarios;

namespace FleetCast.Simulator.Tests.Scenarios;

public sealed class ScenarioPullTests
{
    [Fact]
    public void Apply_HalfwayThroughRamp_BlendsNaturalAndTarget()
    {
        var role = new TargetRole([new MetricTarget(Metric.MemUsedPct, 90, 0, 0)]);
        var pull = new ScenarioPull("critical", role, 4, previous: null);
        pull.Advance();
        pull.Advance();
        var values = new double[MetricCatalog.Count];
        values[(int)Metric.MemUsedPct] = 50;
        values[(int)Metric.CpuUserPct] = 20;

        pull.Apply(values, new Random(1));

        Assert.Equal(70, values[(int)Metric.MemUsedPct], 9);
        Assert.Equal(20, values[(int)Metric.CpuUserPct], 9);
    }

    [Fact]
    public void Apply_RecoveryFromTarget_StartsAtTheTargetAndEndsNatural()
    {
        var role = new TargetRole([new MetricTarget(Metric.SwapUsedPct, 60, 0, 0)]);
        var held = new ScenarioPull("critical", role, 1, previous: null);
        held.Advance();
        var recovery = new ScenarioPull("healthy", RecoveryRole.Instance, 2, held);

        recovery.Advance();
        var halfway = Natural(swap: 2);
        recovery.Apply(halfway, new Random(1));
        recovery.Advance();
        var done = Natural(swap: 2);
        recovery.Apply(done, new Random(1));

        Assert.Equal(31, halfway[(int)Metric.SwapUsedPct], 9);
        Assert.Equal(2, done[(int)Metric.SwapUsedPct], 9);
        Assert.True(recovery.IsFinishedRecovery);
    }

    [Fact]
    public void Shape_CascadeDependentAtFullStrength_AppliesReferenceEffects()
    {
        var values = new double[MetricCatalog.Count];
        values[(int)Metric.BackCloseWait] = 10;
        values[(int)Metric.FrontCloseWait] = 4;
        values[(int)Metric.CpuUserPct] = 50;
        values[(int)Metric.NetInMbS] = 100;

        new CascadeDependentRole(1.0).Shape(values, new Random(1));

        Assert.Equal(45, values[(int)Metric.BackCloseWait], 9);
        Assert.Equal(20, values[(int)Metric.FrontCloseWait], 9);
        Assert.Equal(20, values[(int)Metric.CpuUserPct], 9);
        Assert.Equal(15, values[(int)Metric.NetInMbS], 9);
    }

    private static double[] Natural(double swap)
    {
        var values = new double[MetricCatalog.Count];
        values[(int)Metric.SwapUsedPct] = swap;
        return values;
    }
}
