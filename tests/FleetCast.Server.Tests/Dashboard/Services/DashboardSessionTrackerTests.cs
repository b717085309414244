using System.Text;
using FleetCast.Dashboard.Services;
using Prometheus;

namespace FleetCast.Server.Tests.Dashboard.Services;

public sealed class DashboardSessionTrackerTests
{
    [Fact]
    public async Task CircuitsOpenedAndClosed_CountOpenSessionsOnTheMetricsPage()
    {
        // Arrange
        var registry = Metrics.NewCustomRegistry();
        var sessions = new DashboardSessions();
        _ = new DashboardMetrics(registry, sessions, new DashboardUpdateDelays());
        var first = new DashboardSessionTracker(sessions);
        var second = new DashboardSessionTracker(sessions);

        // Act: the tracker does not look at the circuit (which only Blazor can create).
        await first.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await second.OnCircuitOpenedAsync(null!, CancellationToken.None);
        await first.OnCircuitClosedAsync(null!, CancellationToken.None);

        // Assert
        Assert.Equal(1, sessions.Open);
        using var text = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(text);
        Assert.Contains("\nfleetcast_dashboard_sessions 1\n", Encoding.UTF8.GetString(text.ToArray()));
    }
}
