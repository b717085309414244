using FleetCast.Server.Engine;

namespace FleetCast.Server.Tests.Engine;

public sealed class SkippedStepLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 14, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Counts_SkipsWithinAndBeforeTheLastHour_LastHourOnlyCountsTheRecentOnes()
    {
        var log = new SkippedStepLog();
        log.Record(5, Start);
        log.Record(2, Start.AddMinutes(30));
        log.Record(0, Start.AddMinutes(31));

        var atOneHour = log.Counts(Start.AddMinutes(60));
        var later = log.Counts(Start.AddMinutes(95));

        Assert.Equal(new SkippedStepCounts(Total: 7, LastHour: 2), atOneHour);
        Assert.Equal(new SkippedStepCounts(Total: 7, LastHour: 0), later);
    }

    [Fact]
    public void Record_SameSlotAnHourApart_OldMinuteIsReplacedNotAdded()
    {
        var log = new SkippedStepLog();
        log.Record(4, Start);
        log.Record(1, Start.AddMinutes(60));

        Assert.Equal(new SkippedStepCounts(Total: 5, LastHour: 1), log.Counts(Start.AddMinutes(60)));
    }

    [Fact]
    public void Counts_NothingSkipped_Zero()
    {
        Assert.Equal(default, new SkippedStepLog().Counts(Start));
    }
}
