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
    /// table for alerts and the environment, and profiles applied for real.</summary>
    public static ThresholdTable Default { get; } = new(
    [
        new(Metric.CpuUserPct, 85, 95, [], []),
        new(Metric.CpuSysPct, 50, 70, [], []),
        new(Metric.CpuIowaitPct, 20, 30, [new(30, 40), new(20, 25), new(10, 15)], [new(30, 25), new(20, 15)]),
        // CPU as a whole is scored through idle (cpu = 100 − idle): idle ≤ 2 is cpu ≥ 98.
        new(Metric.CpuIdlePct, 20, 10, [new(2, 60), new(5, 40), new(10, 25), new(20, 15)], [new(2, 40), new(5, 25), new(10, 15)]),
        new(Metric.JavaCpuPct, 70, 85, [], []),
        new(Metric.MemUsedPct, 90, 98, [new(98, 50), new(95, 30), new(90, 15), new(85, 10)], [new(98, 30), new(95, 20)]),
        new(Metric.SwapUsedPct, 25, 50, [new(50, 30), new(25, 20), new(10, 10)], []),
        new(Metric.DiskUsagePct, 85, 95, [new(95, 30), new(90, 15), new(85, 10)], [new(95, 20), new(90, 10)]),
        new(Metric.NetInMbS, null, null, [], []),
        new(Metric.NetOutMbS, null, null, [], []),
        new(Metric.BackCloseWait, null, null, [], []),
        new(Metric.FrontCloseWait, null, null, [], []),
        new(Metric.LoadAverage, null, null, [new(12, 20), new(8, 10)], []),
        new(Metric.UptimeDays, null, null, [], []),
    ],
    new Dictionary<ServerProfile, IReadOnlyList<MetricThresholds>>
    {
        // A database runs hot on memory by design (page cache, buffer pools).
        [ServerProfile.Database] =
        [
            new(Metric.MemUsedPct, 95, 99, [new(99, 50), new(98, 30), new(95, 15)], [new(99, 30), new(98, 20)]),
        ],
        // Compute-heavy profiles normally run at a higher load average.
        [ServerProfile.RiskAnalytics] = [new(Metric.LoadAverage, null, null, [new(16, 20), new(12, 10)], [])],
        [ServerProfile.MlCompute] = [new(Metric.LoadAverage, null, null, [new(14, 20), new(10, 10)], [])],
    });
}
