using System.Globalization;
using FleetCast.Core.Alerts;

namespace FleetCast.Dashboard.Tabs.Drift;

/// <summary>One severity's live alert outcomes as the Drift &amp; model tab shows them.</summary>
public sealed record AlertOutcomeRow(string Severity, int Predicted, int Open, int CameTrue, int DidNotHappen, string Precision)
{
    public static IReadOnlyList<AlertOutcomeRow> From(IReadOnlyList<AlertOutcomeCounts> counts) =>
        [.. counts.OrderByDescending(c => c.Severity).Select(c => new AlertOutcomeRow(
            c.Severity == AlertSeverity.Critical ? "critical" : "warning",
            c.Predicted,
            c.Open,
            c.CameTrue,
            c.DidNotHappen,
            c.Precision is { } precision ? (precision * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "–"))];
}
