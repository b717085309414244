namespace FleetCast.Core.Metrics;

/// <summary>Wire names, units and source metrics of the display metrics.</summary>
public static class DisplayMetricCatalog
{
    public sealed record Definition(DisplayMetric Id, string WireName, string Unit, Metric Source, bool InvertFromIdle);

    public static IReadOnlyList<Definition> All { get; } =
    [
        new(DisplayMetric.Cpu, "cpu", "%", Metric.CpuIdlePct, true),
        new(DisplayMetric.Memory, "memory", "%", Metric.MemUsedPct, false),
        new(DisplayMetric.Iowait, "iowait", "%", Metric.CpuIowaitPct, false),
        new(DisplayMetric.Swap, "swap", "%", Metric.SwapUsedPct, false),
        new(DisplayMetric.Load, "load", "", Metric.LoadAverage, false),
        new(DisplayMetric.Disk, "disk", "%", Metric.DiskUsagePct, false),
        new(DisplayMetric.NetIn, "net_in", "MB/s", Metric.NetInMbS, false),
        new(DisplayMetric.NetOut, "net_out", "MB/s", Metric.NetOutMbS, false),
    ];
}
