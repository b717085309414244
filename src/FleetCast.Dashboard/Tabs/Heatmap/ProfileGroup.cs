using FleetCast.Core.Profiles;

namespace FleetCast.Dashboard.Tabs.Heatmap;

/// <summary>A block of consecutive heatmap rows that share a profile.</summary>
public sealed record ProfileGroup(ServerProfile Profile, string Name, int FirstRow, int RowCount);
