namespace FleetCast.Dashboard.Tabs;

/// <summary>One tab of the dashboard: its stable id (used in data-tab), its label, and whether the
/// server provides its data yet.</summary>
public sealed record TabDefinition(string Id, string Label, bool Implemented);
