namespace FleetCast.Core.Metrics;

/// <summary>The fourteen per-server metrics, in the fixed order used by every vector and tensor.</summary>
public enum Metric
{
    CpuUserPct,
    CpuSysPct,
    CpuIowaitPct,
    CpuIdlePct,
    JavaCpuPct,
    MemUsedPct,
    SwapUsedPct,
    DiskUsagePct,
    NetInMbS,
    NetOutMbS,
    BackCloseWait,
    FrontCloseWait,
    LoadAverage,
    UptimeDays,
}
