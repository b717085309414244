namespace FleetCast.Server.Engine;

/// <summary>Counts skipped engine steps in total and per wall-clock minute over the last hour, in 60
/// one-minute buckets (constant memory however fast the data arrives). Thread-safe.</summary>
public sealed class SkippedStepLog
{
    private const int Minutes = 60;
    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[Minutes];
    private readonly long[] _minuteOf = new long[Minutes];
    private long _total;

    public void Record(long skipped, DateTimeOffset now)
    {
        if (skipped <= 0)
        {
            return;
        }

        var minute = MinuteOf(now);
        var slot = (int)(minute % Minutes);
        lock (_gate)
        {
            if (_minuteOf[slot] != minute)
            {
                _minuteOf[slot] = minute;
                _counts[slot] = 0;
            }

            _counts[slot] += skipped;
            _total += skipped;
        }
    }

    /// <summary>The total, and the sum of the current minute and the 59 before it.</summary>
    public SkippedStepCounts Counts(DateTimeOffset now)
    {
        var oldest = MinuteOf(now) - Minutes + 1;
        lock (_gate)
        {
            long lastHour = 0;
            for (var i = 0; i < Minutes; i++)
            {
                if (_minuteOf[i] >= oldest && _counts[i] > 0)
                {
                    lastHour += _counts[i];
                }
            }

            return new SkippedStepCounts(_total, lastHour);
        }
    }

    // Minute numbers start at 1 so that an unused bucket (minute 0) never counts.
    private static long MinuteOf(DateTimeOffset time) => (time.ToUnixTimeSeconds() / 60) + 1;
}
