namespace FleetCast.Server.Components.ViewModels;

/// <summary>How many servers are at one level.</summary>
public sealed record LevelCount(LevelStyle Style, int Count);
