using System.Globalization;
using System.Text;
using FleetCast.Dashboard.Services;
using Prometheus;

namespace FleetCast.Server.Tests.Dashboard.Services;

public sealed class DashboardMetricsTests
{
    [Fact]
    public async Task UpdateDelaysRecorded_AppearInTheUpdateHistogram()
    {
        // Arrange
        var registry = Metrics.NewCustomRegistry();
        var delays = new DashboardUpdateDelays();
        _ = new DashboardMetrics(registry, new DashboardSessions(), delays);

        // Act
        delays.Record(TimeSpan.FromMilliseconds(2));
        delays.Record(TimeSpan.FromMilliseconds(300));

        // Assert
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\nfleetcast_dashboard_update_seconds_count 2\n", text);
        Assert.Contains("\nfleetcast_dashboard_update_seconds_sum 0.302\n", text);
        var buckets = Buckets(text);
        Assert.Equal(0, buckets.Last(b => b.UpperBound < 0.002).Count);
        Assert.Equal(1, buckets.First(b => b.UpperBound >= 0.002).Count);
        Assert.Equal(1, buckets.Last(b => b.UpperBound < 0.3).Count);
        Assert.Equal(2, buckets.First(b => b.UpperBound >= 0.3).Count);
    }

    private static List<(double UpperBound, long Count)> Buckets(string text) =>
        text.Split('\n')
            .Where(line => line.StartsWith("fleetcast_dashboard_update_seconds_bucket{le=\"", StringComparison.Ordinal))
            .Select(line =>
            {
                var bound = line.Split('"')[1];
                var count = long.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
                return (bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture), count);
            })
            .ToList();
}
