using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;

namespace FleetCast.Core.Tests.Alerts;

public sealed class AlertSentenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Metric.CpuUserPct, AlertLikelihood.Now, 85.0, 0.0, "cpu_user_pct on ppdb003 is at or beyond 85% now")]
    [InlineData(Metric.MemUsedPct, AlertLikelihood.Likely, 98.0, 35.0, "mem_used_pct on ppdb003 likely to reach 98% in 35 min")]
    [InlineData(Metric.DiskUsagePct, AlertLikelihood.Possible, 92.5, 120.4, "disk_usage_pct on ppdb003 may reach 92.5% in 120 min")]
    [InlineData(Metric.NetInMbS, AlertLikelihood.Likely, 118.126, 60.0, "net_in_mb_s on ppdb003 likely to reach 118.13 MB/s in 60 min")]
    [InlineData(Metric.LoadAverage, AlertLikelihood.Now, 24.0, 0.0, "load_average on ppdb003 is at or beyond 24 now")]
    public void Of_PinsTheWording(Metric metric, AlertLikelihood likelihood, double threshold, double minutesAhead, string expected)
    {
        var alert = new ActiveAlert("ppdb003", new AlertMetricFinding(metric, AlertSeverity.Critical, likelihood, threshold, threshold + 1, minutesAhead), Start, Start);

        Assert.Equal(expected, AlertSentence.Of(alert));
    }

    [Fact]
    public void Of_IncidentOfSeveralMetrics_ListsThemWithTheHeadlinesSeverityAndTime()
    {
        var alert = new ActiveAlert("web-03", new AlertMetricFinding(Metric.CpuIdlePct, AlertSeverity.Critical, AlertLikelihood.Likely, 10, 8, 15), Start, Start)
        {
            Metrics =
            [
                new AlertMetricFinding(Metric.CpuIdlePct, AlertSeverity.Critical, AlertLikelihood.Likely, 10, 8, 15),
                new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Possible, 98, 98.5, 10),
                new AlertMetricFinding(Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 25, 30, 0),
            ],
        };

        Assert.Equal("web-03: cpu_idle_pct, mem_used_pct predicted critical in 15 min; swap_used_pct warning", AlertSentence.Of(alert));
    }

    [Fact]
    public void Of_IncidentWhoseHeadlineIsOverItsThresholdNow_SaysNow()
    {
        var alert = new ActiveAlert("web-03", new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 95, 96, 0), Start, Start)
        {
            Metrics =
            [
                new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Warning, AlertLikelihood.Now, 95, 96, 0),
                new AlertMetricFinding(Metric.SwapUsedPct, AlertSeverity.Warning, AlertLikelihood.Likely, 25, 30, 40),
            ],
        };

        Assert.Equal("web-03: mem_used_pct, swap_used_pct warning now", AlertSentence.Of(alert));
    }
}
