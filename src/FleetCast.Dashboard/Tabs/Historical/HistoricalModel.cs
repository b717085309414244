using FleetCast.Core.Alerts;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Storage;

namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>The Historical tab's view of [From, To]: stored level counts over time, the alerts
/// active in the range (timeline by start, newest rows first) and a per-server breakdown.</summary>
public sealed record HistoricalModel(
    DateTimeOffset From,
    DateTimeOffset To,
    int SnapshotPoints,
    TimeSpan? LevelBucket,
    IReadOnlyList<LevelHistorySeries> Levels,
    TimeSpan TimelineBucket,
    IReadOnlyList<AlertTimelineBucket> Timeline,
    IReadOnlyList<AlertRecord> AlertRows,
    int AlertTotal,
    IReadOnlyList<ServerHistoryRow> Servers)
{
    /// <summary>Above this many stored points per level the chart shows the highest count per bucket
    /// (7 levels × 300 points stays under the ~3,000 drawn elements of DESIGN.md section 9).</summary>
    public const int MaxChartPoints = 300;

    public const int TimelineBuckets = 60;
    public const int AlertRowLimit = 50;
    public const int ServerRowLimit = 20;

    public bool HasSnapshots => SnapshotPoints > 0;

    public static HistoricalModel Create(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<SnapshotHistoryPoint> points, IReadOnlyList<AlertRecord> alerts)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var ordered = points.Where(p => p.DataTime >= from && p.DataTime <= to).OrderBy(p => p.DataTime).ToArray();
        var (levels, levelBucket) = LevelSeries(from, to, ordered);
        var timelineBucket = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, (to - from).Ticks / TimelineBuckets));
        var newestFirst = alerts.OrderByDescending(a => a.StartedAt).ThenBy(a => a.Server, StringComparer.Ordinal).ToArray();
        return new HistoricalModel(from, to, ordered.Length, levelBucket, levels, timelineBucket, CountStarts(from, to, timelineBucket, alerts),
            newestFirst.Take(AlertRowLimit).ToArray(), newestFirst.Length, ServerRows(ordered, alerts));
    }

    private static (IReadOnlyList<LevelHistorySeries> Series, TimeSpan? Bucket) LevelSeries(DateTimeOffset from, DateTimeOffset to, SnapshotHistoryPoint[] points)
    {
        if (points.Length <= MaxChartPoints)
        {
            return (LevelStyle.All.Select(level => new LevelHistorySeries(level,
                points.Select(p => (p.DataTime, Count(p, level))).ToArray())).ToArray(), null);
        }

        var bucket = TimeSpan.FromTicks((to - from).Ticks / MaxChartPoints + 1);
        var groups = points.GroupBy(p => (p.DataTime - from).Ticks / bucket.Ticks).OrderBy(g => g.Key).ToArray();
        return (LevelStyle.All.Select(level => new LevelHistorySeries(level,
            groups.Select(g => (from + TimeSpan.FromTicks(g.Key * bucket.Ticks), g.Max(p => Count(p, level)))).ToArray())).ToArray(), bucket);
    }

    private static int Count(SnapshotHistoryPoint point, LevelStyle level) =>
        point.LevelCounts.TryGetValue(level.WireName, out var count) ? count : 0;

    private static AlertTimelineBucket[] CountStarts(DateTimeOffset from, DateTimeOffset to, TimeSpan bucket, IReadOnlyList<AlertRecord> alerts)
    {
        var count = (int)Math.Ceiling((to - from) / bucket);
        var warning = new int[Math.Max(count, 1)];
        var critical = new int[warning.Length];
        foreach (var alert in alerts.Where(a => a.StartedAt >= from && a.StartedAt <= to))
        {
            var index = Math.Min((int)((alert.StartedAt - from) / bucket), warning.Length - 1);
            if (alert.Headline.Severity == AlertSeverity.Critical)
            {
                critical[index]++;
            }
            else
            {
                warning[index]++;
            }
        }

        return warning.Select((w, i) => new AlertTimelineBucket(from + bucket * i, w, critical[i])).ToArray();
    }

    private static ServerHistoryRow[] ServerRows(SnapshotHistoryPoint[] points, IReadOnlyList<AlertRecord> alerts)
    {
        var scores = new Dictionary<string, (double Peak, double Sum, int Count)>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            foreach (var (server, score) in point.ServerScores)
            {
                var current = scores.GetValueOrDefault(server, (double.MinValue, 0, 0));
                scores[server] = (Math.Max(current.Peak, score), current.Sum + score, current.Count + 1);
            }
        }

        var alertsByServer = alerts.GroupBy(a => a.Server, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (All: g.Count(), Critical: g.Count(a => a.Headline.Severity == AlertSeverity.Critical)), StringComparer.Ordinal);
        return scores
            .Select(s =>
            {
                var counts = alertsByServer.GetValueOrDefault(s.Key);
                return new ServerHistoryRow(s.Key, s.Value.Peak, s.Value.Sum / s.Value.Count, counts.All, counts.Critical);
            })
            .OrderByDescending(r => r.PeakRisk).ThenByDescending(r => r.AverageRisk).ThenBy(r => r.Server, StringComparer.Ordinal)
            .Take(ServerRowLimit)
            .ToArray();
    }
}
