using FleetCast.Core.Profiles;

namespace FleetCast.Server.Components.ViewModels;

/// <summary>A block of consecutive heatmap rows that share a profile.</summary>
public sealed record ProfileGroup(ServerProfile Profile, string Name, int FirstRow, int RowCount);
