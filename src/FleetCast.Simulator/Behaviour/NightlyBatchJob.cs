using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Behaviour;

/// <summary>A nightly job that runs every day between about 01:00 and 03:00: its intensity climbs for
/// 20 minutes, holds, then drops within 10 minutes — a climb that naive extrapolation mistakes for a
/// coming saturation. data_ingest runs its ETL, ml_compute a training job, database a backup.</summary>
internal sealed class NightlyBatchJob
{
    private const double RampUpMinutes = 20;
    private const double RampDownMinutes = 10;

    private readonly double _startMinute;
    private readonly double _endMinute;

    private NightlyBatchJob(BatchJobEffect effect, double startMinute, double durationMinutes)
    {
        Effect = effect;
        _startMinute = startMinute;
        _endMinute = startMinute + durationMinutes;
    }

    public BatchJobEffect Effect { get; }

    /// <summary>The profile's job with a start in 01:00–01:30 and a 90–120 minute run, or null for
    /// profiles without one.</summary>
    public static NightlyBatchJob? For(ServerProfile profile, Random random)
    {
        BatchJobEffect? effect = profile switch
        {
            ServerProfile.DataIngest => new(30, 14, 3, 2.5, 1.5),
            ServerProfile.MlCompute => new(20, 4, 3.5, 1.8, 1.2),
            ServerProfile.Database => new(6, 12, 1.5, 1.0, 2.0),
            _ => null,
        };
        if (effect is null)
        {
            return null;
        }

        var start = 60 + (5 * random.Next(0, 7));
        var duration = 90 + (5 * random.Next(0, 7));
        return new NightlyBatchJob(effect, start, duration);
    }

    /// <summary>0 when the job is not running, up to 1 on its plateau.</summary>
    public double Intensity(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var minute = (utc.Hour * 60) + utc.Minute + (utc.Second / 60.0);
        if (minute < _startMinute || minute >= _endMinute)
        {
            return 0;
        }

        var rampUp = Math.Min(1, (minute - _startMinute + 5) / RampUpMinutes);
        var rampDown = Math.Min(1, (_endMinute - minute) / RampDownMinutes);
        return Math.Min(rampUp, rampDown);
    }
}
