using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Thresholds;

/// <summary>The one threshold table: per metric and per profile, score bands and alert thresholds.
/// Scoring, alerts, environment indicators, dashboard colours and the documentation all read it.</summary>
public sealed class ThresholdTable
{
    private readonly MetricThresholds[][] _byProfile;

    public ThresholdTable(IReadOnlyList<MetricThresholds> defaults, IReadOnlyDictionary<ServerProfile, IReadOnlyList<MetricThresholds>> overrides)
    {
        if (defaults.Count != MetricCatalog.Count || defaults.Select((t, i) => (int)t.Metric == i).Any(ok => !ok))
        {
            throw new ArgumentException("Defaults must list every metric once, in catalog order.", nameof(defaults));
        }

        _byProfile = new MetricThresholds[ProfileNames.Count][];
        foreach (var profile in ProfileNames.All)
        {
            var row = defaults.ToArray();
            if (overrides.TryGetValue(profile, out var profileOverrides))
            {
                foreach (var o in profileOverrides)
                {
                    row[(int)o.Metric] = o;
                }
            }

            _byProfile[(int)profile] = row;
        }
    }

    public MetricThresholds Get(ServerProfile profile, Metric metric) => _byProfile[(int)profile][(int)metric];

    public IReadOnlyList<MetricThresholds> ForProfile(ServerProfile profile) => _byProfile[(int)profile];

    /// <summary>Starting values from the system FleetCast replaces (shared/REFERENCE.md), with one
    /// table for alerts and the environment, and profiles applied for real. Every metric with alert
    /// thresholds has score bands with a band at each threshold (more points at critical), and every
    /// metric with bands has thresholds; only the <c>uptime_days</c> counter has neither.</summary>
    /// <remarks>Close-wait counts are per profile: a web front end holds more half-closed connections
    /// than a batch host, and the thresholds sit above each profile's normal busy-hour range, where the
    /// connection failures of a database cascade land. Network thresholds are saturation levels of the
    /// link (10 GbE ≈ 1,250 MB/s; 1 GbE ≈ 125 MB/s for management and generic hosts).</remarks>
    public static ThresholdTable Default { get; } = new(
    [
        new(Metric.CpuUserPct, 85, 95, [new(95, 25), new(85, 10)], [new(95, 15)]),
        new(Metric.CpuSysPct, 50, 70, [new(70, 25), new(50, 10)], [new(70, 15)]),
        new(Metric.CpuIowaitPct, 20, 30, [new(30, 40), new(20, 25), new(10, 15)], [new(30, 25), new(20, 15)]),
        // CPU as a whole is scored through idle (cpu = 100 − idle). It alerts at cpu ≥ 95 (warning) and ≥ 98
        // (critical), REFERENCE's top CPU band: a host at 95 % under a batch job or heavy load is busy, not failing.
        // A healthy simulated day of 90 servers had 0.43 dips under 5 % idle per server-day (backups, ETL and
        // training jobs) and 0.11 under 2 %; with critical at 5 those dips were most of its critical alerts.
        new(Metric.CpuIdlePct, 5, 2, [new(2, 60), new(5, 40), new(10, 25), new(20, 15)], [new(2, 40), new(5, 25), new(10, 15)]),
        new(Metric.JavaCpuPct, 70, 85, [new(85, 25), new(70, 10)], [new(85, 15)]),
        new(Metric.MemUsedPct, 90, 98, [new(98, 50), new(95, 30), new(90, 15), new(85, 10)], [new(98, 30), new(95, 20)]),
        new(Metric.SwapUsedPct, 25, 50, [new(50, 30), new(25, 20), new(10, 10)], [new(50, 15)]),
        new(Metric.DiskUsagePct, 85, 95, [new(95, 30), new(90, 15), new(85, 10)], [new(95, 20), new(90, 10)]),
        new(Metric.NetInMbS, 800, 1000, [new(1000, 25), new(800, 10)], []),
        new(Metric.NetOutMbS, 800, 1000, [new(1000, 25), new(800, 10)], []),
        new(Metric.BackCloseWait, 8, 20, [new(20, 30), new(8, 15)], []),
        new(Metric.FrontCloseWait, 8, 20, [new(20, 30), new(8, 15)], []),
        new(Metric.LoadAverage, 8, 16, [new(16, 25), new(12, 20), new(8, 10)], []),
        new(Metric.UptimeDays, null, null, [], []),
    ],
    new Dictionary<ServerProfile, IReadOnlyList<MetricThresholds>>
    {
        [ServerProfile.Database] =
        [
            // A database runs hot on memory by design (page cache, buffer pools).
            new(Metric.MemUsedPct, 95, 99, [new(99, 50), new(98, 30), new(95, 15)], [new(99, 30), new(98, 20)]),
            new(Metric.BackCloseWait, 12, 30, [new(30, 30), new(12, 15)], []),
            // A database waits on its disks by design (about 15 % iowait in normal hours).
            new(Metric.CpuIowaitPct, 30, 45, [new(45, 40), new(30, 25), new(25, 15)], [new(45, 25), new(30, 15)]),
        ],
        [ServerProfile.WebApi] =
        [
            new(Metric.BackCloseWait, 16, 40, [new(40, 30), new(16, 15)], []),
            new(Metric.FrontCloseWait, 40, 80, [new(80, 30), new(40, 15)], []),
        ],
        [ServerProfile.ConductorMgmt] =
        [
            new(Metric.BackCloseWait, 10, 25, [new(25, 30), new(10, 15)], []),
            new(Metric.FrontCloseWait, 12, 30, [new(30, 30), new(12, 15)], []),
            new(Metric.NetInMbS, 90, 110, [new(110, 25), new(90, 10)], []),
            new(Metric.NetOutMbS, 90, 110, [new(110, 25), new(90, 10)], []),
        ],
        [ServerProfile.DataIngest] =
        [
            new(Metric.BackCloseWait, 10, 25, [new(25, 30), new(10, 15)], []),
            new(Metric.LoadAverage, 12, 20, [new(20, 25), new(12, 20), new(8, 10)], []),
        ],
        // Compute-heavy profiles (and ingest) normally run at a higher load average.
        [ServerProfile.RiskAnalytics] =
        [
            new(Metric.LoadAverage, 16, 28, [new(28, 25), new(16, 20), new(12, 10)], []),
        ],
        [ServerProfile.MlCompute] = [new(Metric.LoadAverage, 14, 24, [new(24, 25), new(14, 20), new(10, 10)], [])],
        [ServerProfile.Generic] =
        [
            new(Metric.NetInMbS, 90, 110, [new(110, 25), new(90, 10)], []),
            new(Metric.NetOutMbS, 90, 110, [new(110, 25), new(90, 10)], []),
        ],
    });
}
