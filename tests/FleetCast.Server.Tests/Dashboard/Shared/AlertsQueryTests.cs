using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Shared;

public sealed class AlertsQueryTests
{
    private static readonly IReadOnlyList<Core.Snapshots.AlertView> Alerts = TestSnapshots.Create(servers: 20).Snapshot.Alerts;

    [Fact]
    public void Apply_DefaultSort_CriticalFirstThenSoonest()
    {
        var result = AlertsQuery.Apply(Alerts, AlertFilter.None, AlertSort.Default);

        var firstWarning = result.Rows.ToList().FindIndex(a => a.Severity == AlertSeverity.Warning);
        Assert.True(firstWarning > 0);
        Assert.All(result.Rows.Take(firstWarning), a => Assert.Equal(AlertSeverity.Critical, a.Severity));
        Assert.All(result.Rows.Skip(firstWarning), a => Assert.Equal(AlertSeverity.Warning, a.Severity));
        Assert.Equal(Alerts.Count, result.Matching);
    }

    [Fact]
    public void Apply_ProfileMetricAndServerFilters_AllMustMatch()
    {
        var filter = new AlertFilter(null, ServerProfile.Database, "mem_used_pct", "PPDB");

        var result = AlertsQuery.Apply(Alerts, filter, AlertSort.Default);

        Assert.NotEmpty(result.Rows);
        Assert.Equal(Alerts.Count(a => a.Profile == ServerProfile.Database && a.Metric == "mem_used_pct"), result.Matching);
        Assert.All(result.Rows, a => Assert.Equal("mem_used_pct", a.Metric));
        Assert.Equal(Alerts.Count, result.Total);
    }

    [Fact]
    public void Apply_RowLimit_KeepsMatchingCountButCapsRows()
    {
        var result = AlertsQuery.Apply(Alerts, AlertFilter.None, AlertSort.Default, rowLimit: 3);

        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(Alerts.Count, result.Matching);
    }

    [Fact]
    public void Toggle_SameColumn_FlipsDirection_OtherColumn_StartsAscending()
    {
        var byMinutes = AlertSort.Default.Toggle(AlertSortColumn.MinutesAhead);
        var flipped = byMinutes.Toggle(AlertSortColumn.MinutesAhead);

        Assert.Equal(new AlertSort(AlertSortColumn.MinutesAhead, false), byMinutes);
        Assert.Equal(new AlertSort(AlertSortColumn.MinutesAhead, true), flipped);
    }

    [Fact]
    public void Apply_SortByMinutesAhead_Ascending()
    {
        var result = AlertsQuery.Apply(Alerts, AlertFilter.None, new AlertSort(AlertSortColumn.MinutesAhead, false));

        Assert.Equal(result.Rows.Select(a => a.MinutesAhead).Order(), result.Rows.Select(a => a.MinutesAhead));
    }
}
