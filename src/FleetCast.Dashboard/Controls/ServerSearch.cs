using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Controls;

/// <summary>Finds servers by part of their name for the Server tab's picker, riskiest first.</summary>
public static class ServerSearch
{
    public const int DefaultLimit = 30;

    public static IReadOnlyList<RiskBar> Find(IReadOnlyList<ServerRow> servers, string? query, int limit = DefaultLimit)
    {
        var text = query?.Trim() ?? string.Empty;
        return servers
            .Where(s => text.Length == 0 || s.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.RiskScore)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Take(limit)
            .Select(s => new RiskBar(s.Name, s.Profile, s.RiskScore, LevelStyle.Of(s.Level), s.Stale))
            .ToArray();
    }
}
