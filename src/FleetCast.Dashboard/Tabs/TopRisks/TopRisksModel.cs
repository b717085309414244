using FleetCast.Core.Metrics;
using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.TopRisks;

/// <summary>The top N servers of the summary (5, 10 or 20) with why they rank there.</summary>
public sealed record TopRisksModel(int Count, IReadOnlyList<TopRiskEntry> Entries)
{
    public static IReadOnlyList<int> Choices { get; } = [5, 10, 20];

    /// <summary>Metrics compared now vs predicted in the chart.</summary>
    public static IReadOnlyList<string> ChartMetrics { get; } = ["cpu", "memory"];

    public static TopRisksModel From(FleetSnapshot snapshot, int count)
    {
        if (!Choices.Contains(count))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "count must be 5, 10 or 20.");
        }

        var names = count switch
        {
            5 => snapshot.Summary.Top5,
            10 => snapshot.Summary.Top10,
            _ => snapshot.Summary.Top20,
        };
        var alertCounts = snapshot.Alerts.GroupBy(a => a.Server, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var entries = Ranking.Rows(snapshot, names, count)
            .Select((row, i) => new TopRiskEntry(
                i + 1,
                new RiskBar(row.Name, row.Profile, row.RiskScore, LevelStyle.Of(row.Level), row.Stale),
                row.Factors.OrderByDescending(f => f.Points).ToArray(),
                DisplayMetricCatalog.All
                    .Where(m => row.Display.ContainsKey(m.WireName))
                    .Select(m => (m.WireName, row.Display[m.WireName]))
                    .ToArray(),
                alertCounts.GetValueOrDefault(row.Name)))
            .ToArray();
        return new TopRisksModel(count, entries);
    }
}
