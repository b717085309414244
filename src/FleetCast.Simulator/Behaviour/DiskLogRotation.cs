namespace FleetCast.Simulator.Behaviour;

/// <summary>Disk usage that climbs steadily as logs accumulate and drops back when they rotate, daily
/// at a fixed time per server. A straight-line forecast made late in the day overshoots badly.</summary>
internal sealed class DiskLogRotation
{
    private readonly double _baseline;
    private readonly double _growthPerHour;
    private readonly double _rotationMinuteOfDay;

    public DiskLogRotation(Random random, bool problemChild)
    {
        _baseline = random.NextUniform(25, 55);
        var perDay = random.NextUniform(4, 12) * (problemChild ? 2 : 1);
        _growthPerHour = perDay / 24;
        _rotationMinuteOfDay = (random.Next(0, 6) * 60) + (15 * random.Next(0, 4));
    }

    public double RotationMinuteOfDay => _rotationMinuteOfDay;

    public double Usage(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var minuteOfDay = (utc.Hour * 60) + utc.Minute + (utc.Second / 60.0);
        var sinceRotation = minuteOfDay - _rotationMinuteOfDay;
        if (sinceRotation < 0)
        {
            sinceRotation += 24 * 60;
        }

        return _baseline + (_growthPerHour * sinceRotation / 60);
    }
}
