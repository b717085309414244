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
        var alert = new ActiveAlert("ppdb003", metric, AlertSeverity.Critical, likelihood, threshold, threshold + 1, minutesAhead, Start, Start);

        Assert.Equal(expected, AlertSentence.Of(alert));
    }
}
