namespace FleetCast.Core.Metrics;

/// <summary>The eight metrics people read first; cpu is 100 − idle.</summary>
public enum DisplayMetric
{
    Cpu,
    Memory,
    Iowait,
    Swap,
    Load,
    Disk,
    NetIn,
    NetOut,
}
