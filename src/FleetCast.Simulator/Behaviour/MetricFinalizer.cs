using FleetCast.Core.Metrics;

namespace FleetCast.Simulator.Behaviour;

/// <summary>Makes a raw vector a valid sample: CPU components consistent (user + sys + iowait ≤ 100,
/// idle the rest; REFERENCE.md's defect note), Java CPU within the busy CPU, percentages in 0–100,
/// rates and counts non-negative, close-wait counts whole.</summary>
internal static class MetricFinalizer
{
    public static void Finalize(Span<double> values)
    {
        ref var user = ref values[(int)Metric.CpuUserPct];
        ref var sys = ref values[(int)Metric.CpuSysPct];
        ref var iowait = ref values[(int)Metric.CpuIowaitPct];
        user = Math.Max(0, user);
        sys = Math.Max(0, sys);
        iowait = Math.Max(0, iowait);
        var busy = user + sys + iowait;
        if (busy > 100)
        {
            var scale = 100 / busy;
            user *= scale;
            sys *= scale;
            iowait *= scale;
            busy = user + sys + iowait;
        }

        values[(int)Metric.CpuIdlePct] = Math.Max(0, 100 - busy);
        values[(int)Metric.JavaCpuPct] = Math.Clamp(values[(int)Metric.JavaCpuPct], 0, user + sys);
        Clamp(values, Metric.MemUsedPct, 0, 100);
        Clamp(values, Metric.SwapUsedPct, 0, 100);
        Clamp(values, Metric.DiskUsagePct, 0, 100);
        Clamp(values, Metric.NetInMbS, 0, double.MaxValue);
        Clamp(values, Metric.NetOutMbS, 0, double.MaxValue);
        Clamp(values, Metric.LoadAverage, 0, double.MaxValue);
        values[(int)Metric.BackCloseWait] = Math.Max(0, Math.Round(values[(int)Metric.BackCloseWait]));
        values[(int)Metric.FrontCloseWait] = Math.Max(0, Math.Round(values[(int)Metric.FrontCloseWait]));
    }

    private static void Clamp(Span<double> values, Metric metric, double min, double max) =>
        values[(int)metric] = Math.Clamp(values[(int)metric], min, max);
}
