using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.Overview;

/// <summary>How many servers are at one level.</summary>
public sealed record LevelCount(LevelStyle Style, int Count);
