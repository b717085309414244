namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>How many alerts started within [Start, Start + width) of the timeline, per severity.</summary>
public sealed record AlertTimelineBucket(DateTimeOffset Start, int Warning, int Critical);
