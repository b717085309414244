using FleetCast.Core.Snapshots;

namespace FleetCast.Dashboard.Shared;

/// <summary>The rows shown (at most the row limit), how many matched the filter and how many exist.</summary>
public sealed record AlertsTableModel(IReadOnlyList<AlertView> Rows, int Matching, int Total, IReadOnlyList<string> Metrics);
