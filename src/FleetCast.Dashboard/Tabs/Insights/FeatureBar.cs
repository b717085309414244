namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>One model input's share of a variable selection network's weight (0–1), with a readable label.</summary>
/// <param name="Feature">The model's own input name (e.g. <c>season_ago_mem_used_pct</c>).</param>
public sealed record FeatureBar(string Feature, string Label, double Weight);
