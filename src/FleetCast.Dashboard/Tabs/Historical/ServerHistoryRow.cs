namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>One server over the range: its peak and average stored risk and its alerts.</summary>
public sealed record ServerHistoryRow(string Server, double PeakRisk, double AverageRisk, int Alerts, int CriticalAlerts);
