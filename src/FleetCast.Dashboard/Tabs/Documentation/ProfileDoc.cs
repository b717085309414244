namespace FleetCast.Dashboard.Tabs.Documentation;

/// <summary>A profile in the documentation: wire name, the naming rule that selects it, what it depends on, its thresholds.</summary>
public sealed record ProfileDoc(string Name, string NameRule, string DependsOn, IReadOnlyList<ThresholdRow> Thresholds);
