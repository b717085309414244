using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Live;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Live;

public sealed class InputDriftMeterTests
{
    private static readonly double[] Edges = Enumerable.Range(0, 11).Select(i => i * 10.0).ToArray();

    private static MetricInputStatistics Uniform(string metric) =>
        new(metric, 1000, 50, 28.9, Edges, Enumerable.Repeat(0.1, 10).ToArray());

    /// <summary>One window per server whose cpu_user_pct takes the given values, one per step.</summary>
    private static ServerWindow Window(string server, IReadOnlyList<float> cpuUser)
    {
        var values = new float[cpuUser.Count * MetricCatalog.Count];
        for (var t = 0; t < cpuUser.Count; t++)
        {
            values[(t * MetricCatalog.Count) + (int)Metric.CpuUserPct] = cpuUser[t];
        }

        var observed = new bool[MetricCatalog.Count];
        observed[(int)Metric.CpuUserPct] = true;
        return new ServerWindow(server, ServerProfile.Generic, DateTimeOffset.UnixEpoch, 300, values, observed);
    }

    [Fact]
    public void Measure_SameDistributionAsTraining_PsiNearZeroAndStable()
    {
        var spread = Enumerable.Range(0, 100).Select(i => i + 0.5f).ToArray();

        var report = InputDriftMeter.Measure([Uniform("cpu_user_pct")], [Window("a", spread), Window("b", spread)], recentSteps: 100);
        var cpu = report.Metrics.Single(m => m.Metric == "cpu_user_pct");

        Assert.Equal(0, cpu.Psi!.Value, 9);
        Assert.Equal("stable", cpu.Status);
        Assert.Equal(200, cpu.RecentCount);
        Assert.Equal(50, cpu.RecentMean!.Value, 6);
    }

    [Fact]
    public void Measure_ShiftedDistribution_PsiAboveSignificant()
    {
        var hot = Enumerable.Range(0, 100).Select(i => 80 + (i * 0.2f)).ToArray();

        var cpu = InputDriftMeter.Measure([Uniform("cpu_user_pct")], [Window("a", hot)], recentSteps: 100).Metrics.Single(m => m.Metric == "cpu_user_pct");

        Assert.True(cpu.Psi > PopulationStability.SignificantShift, $"PSI {cpu.Psi}");
        Assert.Equal("significant", cpu.Status);
    }

    [Fact]
    public void Measure_OnlyRecentSteps_OlderStepsIgnored()
    {
        // 50 old steps far out of range, then 100 spread evenly: only the newest 100 count.
        var values = Enumerable.Repeat(99f, 50).Concat(Enumerable.Range(0, 100).Select(i => i + 0.5f)).ToArray();

        var cpu = InputDriftMeter.Measure([Uniform("cpu_user_pct")], [Window("a", values)], recentSteps: 100).Metrics.Single(m => m.Metric == "cpu_user_pct");

        Assert.Equal(100, cpu.RecentCount);
        Assert.Equal(0, cpu.Psi!.Value, 9);
    }

    [Fact]
    public void Measure_MetricWithoutStatisticsOrValues_NoData()
    {
        var report = InputDriftMeter.Measure([Uniform("cpu_user_pct"), Uniform("mem_used_pct")], [Window("a", [10f, 20f])], recentSteps: 10);

        var memory = report.Metrics.Single(m => m.Metric == "mem_used_pct");
        var swap = report.Metrics.Single(m => m.Metric == "swap_used_pct");
        Assert.Null(memory.Psi);
        Assert.Equal("no-data", memory.Status);
        Assert.Null(swap.Psi);
        Assert.Equal(MetricCatalog.Count, report.Metrics.Count);
    }

    [Fact]
    public void Bin_ValuesOutsideAndOnEdges_CountedAsTrainingDid()
    {
        Assert.Equal(0, PopulationStability.Bin(Edges, -5));
        Assert.Equal(1, PopulationStability.Bin(Edges, 10));
        Assert.Equal(9, PopulationStability.Bin(Edges, 100));
        Assert.Equal(9, PopulationStability.Bin(Edges, 1000));
    }

    [Fact]
    public void Index_EmptyBinOnOneSide_FiniteThanksToFloor()
    {
        var psi = PopulationStability.Index([0.5, 0.5], [1.0, 0.0]);

        Assert.True(double.IsFinite(psi));
        Assert.Equal((0.5 * Math.Log(1.0 / 0.5)) + ((1e-4 - 0.5) * Math.Log(1e-4 / 0.5)), psi, 9);
    }

    [Fact]
    public void Index_DifferentBinCounts_Throws()
    {
        Assert.Throws<ArgumentException>(() => PopulationStability.Index([0.5, 0.5], [1.0]));
    }
}
