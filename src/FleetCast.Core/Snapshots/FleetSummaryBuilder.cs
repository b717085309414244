using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Snapshots;

/// <summary>Counts per level and profile, average and maximum risk, top 5/10/20 by risk.</summary>
public static class FleetSummaryBuilder
{
    /// <summary>A server counts as degrading (improving) when its score rose (fell) by at least this
    /// many points since the previous snapshot.</summary>
    public const double ChangePoints = 5.0;

    /// <param name="previousScores">Scores of the previous snapshot by server, for degrading/improving counts; may be empty.</param>
    /// <remarks>Stale servers count everywhere with their last score (they are still part of the fleet).
    /// Rankings break ties by name (ordinal) so the lists are stable between snapshots.</remarks>
    public static FleetSummary Build(IReadOnlyList<ServerRow> servers, IReadOnlyDictionary<string, double> previousScores)
    {
        ArgumentNullException.ThrowIfNull(servers);
        ArgumentNullException.ThrowIfNull(previousScores);

        // Highest level first, as the ladder lists them; every level present.
        var levelCounts = RiskLadder.Levels.ToDictionary(l => l.WireName, _ => 0, StringComparer.Ordinal);
        var profileCounts = ProfileNames.All.ToDictionary(ProfileNames.ToWire, _ => 0, StringComparer.Ordinal);
        int ready = 0, stale = 0, degrading = 0, improving = 0;
        double sum = 0, max = 0;

        foreach (var row in servers)
        {
            levelCounts[RiskLadder.ToWire(row.Level)]++;
            profileCounts[ProfileNames.ToWire(row.Profile)]++;
            ready += row.Ready ? 1 : 0;
            stale += row.Stale ? 1 : 0;
            sum += row.RiskScore;
            max = Math.Max(max, row.RiskScore);
            if (previousScores.TryGetValue(row.Name, out var previous))
            {
                var change = row.RiskScore - previous;
                degrading += change >= ChangePoints ? 1 : 0;
                improving += change <= -ChangePoints ? 1 : 0;
            }
        }

        var ranked = servers
            .OrderByDescending(s => s.RiskScore)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(20)
            .Select(s => s.Name)
            .ToArray();

        return new FleetSummary(
            servers.Count,
            ready,
            stale,
            levelCounts,
            profileCounts,
            servers.Count == 0 ? 0 : Round1(sum / servers.Count),
            Round1(max),
            ranked.Take(5).ToArray(),
            ranked.Take(10).ToArray(),
            ranked,
            degrading,
            improving);
    }

    private static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
