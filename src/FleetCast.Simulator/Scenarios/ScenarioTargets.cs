using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Scenarios;

/// <summary>The target values of the target-driven scenarios (REFERENCE.md "Scenarios").</summary>
internal static class ScenarioTargets
{
    /// <summary>Degrading: cpu_user 75, memory 80, and iowait 18 on databases.</summary>
    public static TargetRole Degrading(ServerProfile profile)
    {
        List<MetricTarget> targets =
        [
            new(Metric.CpuUserPct, 75, 2, 2),
            new(Metric.MemUsedPct, 80, 1, 1),
        ];
        if (profile == ServerProfile.Database)
        {
            targets.Add(new(Metric.CpuIowaitPct, 18, 1.5, 1.5));
        }

        return new TargetRole(targets);
    }

    /// <summary>Critical: consistent targets that really score critical. Jitter is one-sided enough
    /// that user + sys + iowait stays between 98.3 and 99.9 (idle ≤ 1.7), memory ≥ 98.2 (databases
    /// ≥ 99.2) and swap ≥ 54.5.</summary>
    public static TargetRole Critical(ServerProfile profile) => new(
    [
        new(Metric.CpuUserPct, 85, 0.3, 0.5),
        new(Metric.CpuSysPct, 8, 0.2, 0.2),
        new(Metric.CpuIowaitPct, 6, 0.2, 0.2),
        profile == ServerProfile.Database ? new(Metric.MemUsedPct, 99.5, 0.3, 0.3) : new(Metric.MemUsedPct, 98.5, 0.3, 0.4),
        new(Metric.SwapUsedPct, 55, 0.5, 1.5),
    ]);

    /// <summary>A failing database in a cascade: cpu 95 % busy (user 43 + sys 7 + iowait 45), memory 92.</summary>
    public static TargetRole FailingDatabase() => new(
    [
        new(Metric.CpuUserPct, 43, 1, 1),
        new(Metric.CpuSysPct, 7, 0.5, 0.5),
        new(Metric.CpuIowaitPct, 45, 1.5, 1.5),
        new(Metric.MemUsedPct, 92, 0.5, 0.5),
    ]);
}
