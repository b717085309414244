namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>The attention the forecast paid to one look-back step (mean over heads and horizon steps).</summary>
public sealed record AttentionPoint(DateTimeOffset Time, double Weight);
