using FleetCast.Server.Ingest;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Ingest;

public sealed class IngestStatisticsTests
{
    [Fact]
    public void ValuesPerSecond_RecordsWithinTheLastMinute_AveragedOverSixtySeconds()
    {
        var clock = new ManualTimeProvider(Samples.Origin);
        var statistics = new IngestStatistics(clock);
        statistics.RecordAccepted(100, 1_400);
        clock.Advance(TimeSpan.FromSeconds(30));
        statistics.RecordAccepted(200, 2_800);

        Assert.Equal(4_200 / 60.0, statistics.ValuesPerSecond());
        Assert.Equal(300 / 60.0, statistics.SamplesPerSecond());

        clock.Advance(TimeSpan.FromSeconds(45));

        Assert.Equal(2_800 / 60.0, statistics.ValuesPerSecond());
        Assert.Equal(300, statistics.TotalSamples);
        Assert.Equal(4_200, statistics.TotalValues);
    }

    [Fact]
    public void RecordRejected_Called_CountsRejectedBatches()
    {
        var statistics = new IngestStatistics(new ManualTimeProvider(Samples.Origin));

        statistics.RecordRejected();
        statistics.RecordRejected();

        Assert.Equal(2, statistics.RejectedBatches);
        Assert.Equal(0, statistics.ValuesPerSecond());
    }
}
