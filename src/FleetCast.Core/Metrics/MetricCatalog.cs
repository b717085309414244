using System.Collections.Frozen;

namespace FleetCast.Core.Metrics;

/// <summary>The single catalog of the fourteen metrics (DESIGN.md section 4).</summary>
public static class MetricCatalog
{
    public const int Count = 14;

    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(Metric.CpuUserPct, "cpu_user_pct", "CPU user", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.CpuSysPct, "cpu_sys_pct", "CPU system", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.CpuIowaitPct, "cpu_iowait_pct", "CPU iowait", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.CpuIdlePct, "cpu_idle_pct", "CPU idle", "%", 0, 100, MetricKind.Gauge, false, false),
        new(Metric.JavaCpuPct, "java_cpu_pct", "Java CPU", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.MemUsedPct, "mem_used_pct", "memory", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.SwapUsedPct, "swap_used_pct", "swap", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.DiskUsagePct, "disk_usage_pct", "disk", "%", 0, 100, MetricKind.Gauge, false, true),
        new(Metric.NetInMbS, "net_in_mb_s", "network in", "MB/s", 0, null, MetricKind.Gauge, false, true) { PlausibleMax = 100_000 },
        new(Metric.NetOutMbS, "net_out_mb_s", "network out", "MB/s", 0, null, MetricKind.Gauge, false, true) { PlausibleMax = 100_000 },
        new(Metric.BackCloseWait, "back_close_wait", "back-end CLOSE_WAIT", "connections", 0, null, MetricKind.Gauge, true, true) { PlausibleMax = 10_000_000 },
        new(Metric.FrontCloseWait, "front_close_wait", "front-end CLOSE_WAIT", "connections", 0, null, MetricKind.Gauge, true, true) { PlausibleMax = 10_000_000 },
        new(Metric.LoadAverage, "load_average", "load average", "", 0, null, MetricKind.Gauge, false, true) { PlausibleMax = 100_000 },
        new(Metric.UptimeDays, "uptime_days", "uptime", "days", 0, null, MetricKind.Counter, false, false) { PlausibleMax = 36_525 },
    ];

    private static readonly FrozenDictionary<string, MetricDefinition> ByWire =
        All.ToFrozenDictionary(d => d.WireName, StringComparer.Ordinal);

    public static MetricDefinition Get(Metric metric) => All[(int)metric];

    public static string WireName(Metric metric) => All[(int)metric].WireName;

    public static bool TryGet(string wireName, out MetricDefinition definition) =>
        ByWire.TryGetValue(wireName, out definition!);
}
