using FleetCast.Core.Scoring;
using FleetCast.Dashboard.Shared;

namespace FleetCast.Dashboard.Tabs.TopRisks;

/// <summary>One server on the Top risks tab: its ranking, factors, display metrics and active alert count.</summary>
public sealed record TopRiskEntry(int Rank, RiskBar Server, IReadOnlyList<RiskFactor> Factors, IReadOnlyList<(string Metric, DisplayMetricValue Value)> Metrics, int ActiveAlerts);
