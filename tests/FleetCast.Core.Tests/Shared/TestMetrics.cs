using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Tests.Shared;

/// <summary>Current-value vectors (one value per catalog metric) for tests.</summary>
internal static class TestMetrics
{
    /// <summary>A calm server: nothing near any score band or alert threshold.</summary>
    public static double[] Healthy()
    {
        var values = new double[MetricCatalog.Count];
        values[(int)Metric.CpuUserPct] = 20;
        values[(int)Metric.CpuSysPct] = 5;
        values[(int)Metric.CpuIowaitPct] = 2;
        values[(int)Metric.CpuIdlePct] = 73;
        values[(int)Metric.JavaCpuPct] = 10;
        values[(int)Metric.MemUsedPct] = 50;
        values[(int)Metric.SwapUsedPct] = 2;
        values[(int)Metric.DiskUsagePct] = 40;
        values[(int)Metric.NetInMbS] = 12;
        values[(int)Metric.NetOutMbS] = 9;
        values[(int)Metric.BackCloseWait] = 2;
        values[(int)Metric.FrontCloseWait] = 1;
        values[(int)Metric.LoadAverage] = 2;
        values[(int)Metric.UptimeDays] = 30;
        return values;
    }

    /// <summary>The REFERENCE "critical scenario" targets: cpu_user 85, cpu_sys 8, iowait 6, idle 1,
    /// memory 98.5 (databases 99.5), swap 55.</summary>
    public static double[] CriticalScenario(ServerProfile profile) =>
        Healthy()
            .With(Metric.CpuUserPct, 85)
            .With(Metric.CpuSysPct, 8)
            .With(Metric.CpuIowaitPct, 6)
            .With(Metric.CpuIdlePct, 1)
            .With(Metric.MemUsedPct, profile == ServerProfile.Database ? 99.5 : 98.5)
            .With(Metric.SwapUsedPct, 55);

    /// <summary>A copy with one value replaced.</summary>
    public static double[] With(this double[] values, Metric metric, double value)
    {
        var copy = (double[])values.Clone();
        copy[(int)metric] = value;
        return copy;
    }
}
