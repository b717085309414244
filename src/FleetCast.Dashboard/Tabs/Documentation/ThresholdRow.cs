namespace FleetCast.Dashboard.Tabs.Documentation;

/// <summary>One metric of one profile in the documentation: alert thresholds and score bands as text.</summary>
public sealed record ThresholdRow(string Metric, string Unit, string Direction, string Warning, string Critical, string CurrentBands, string PredictedBands);
