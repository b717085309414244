using FleetCast.Core.Metrics;
using FleetCast.Core.Scoring;

namespace FleetCast.Core.Tests.Scoring;

public sealed class MetricTextTests
{
    [Theory]
    [InlineData(Metric.MemUsedPct, 97, "memory 97% now")]
    [InlineData(Metric.CpuIdlePct, 1.5, "cpu 98.5% now")]
    [InlineData(Metric.LoadAverage, 13.24, "load average 13.2 now")]
    [InlineData(Metric.NetInMbS, 120, "network in 120 MB/s now")]
    public void Now_Metric_ReadsWithDisplayNameAndUnit(Metric metric, double value, string expected)
    {
        Assert.Equal(expected, MetricText.Now(metric, value));
    }

    [Theory]
    [InlineData(60, "1 h")]
    [InlineData(120, "2 h")]
    [InlineData(35, "35 min")]
    [InlineData(90, "90 min")]
    public void FormatDuration_Minutes_UsesHoursOnlyForWholeHours(double minutes, string expected)
    {
        Assert.Equal(expected, MetricText.FormatDuration(minutes));
    }
}
