using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>One level's server count over time (one point per stored snapshot, or per bucket when
/// the range holds more points than a chart should draw).</summary>
public sealed record LevelHistorySeries(LevelStyle Level, IReadOnlyList<(DateTimeOffset Time, int Count)> Points);
