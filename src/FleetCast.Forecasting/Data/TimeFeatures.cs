namespace FleetCast.Forecasting.Data;

/// <summary>Known-future calendar inputs: time of day and day of week (UTC) as points on a circle, so
/// 23:55 sits next to 00:00 and Sunday next to Monday.</summary>
public static class TimeFeatures
{
    public const int Count = 4;

    public static IReadOnlyList<string> Names { get; } = ["day_sin", "day_cos", "week_sin", "week_cos"];

    /// <summary>Writes [sin, cos of the time of day, sin, cos of the time of week] for <paramref name="time"/>.</summary>
    public static void Compute(DateTimeOffset time, Span<float> features)
    {
        if (features.Length < Count)
        {
            throw new ArgumentException($"features must have room for {Count} values.", nameof(features));
        }

        var utc = time.UtcDateTime;
        var dayFraction = utc.TimeOfDay.TotalSeconds / 86_400.0;
        // Monday = 0 so the week angle does not jump on the ISO week boundary.
        var weekFraction = ((((int)utc.DayOfWeek + 6) % 7) + dayFraction) / 7.0;
        var dayAngle = 2 * Math.PI * dayFraction;
        var weekAngle = 2 * Math.PI * weekFraction;
        features[0] = (float)Math.Sin(dayAngle);
        features[1] = (float)Math.Cos(dayAngle);
        features[2] = (float)Math.Sin(weekAngle);
        features[3] = (float)Math.Cos(weekAngle);
    }

    public static float[] Compute(DateTimeOffset time)
    {
        var features = new float[Count];
        Compute(time, features);
        return features;
    }

    /// <summary>Features of <paramref name="steps"/> consecutive steps starting at <paramref name="first"/>, row-major [step, feature].</summary>
    public static float[] ForSteps(DateTimeOffset first, int stepSeconds, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var features = new float[steps * Count];
        for (var t = 0; t < steps; t++)
        {
            Compute(first.AddSeconds((double)t * stepSeconds), features.AsSpan(t * Count, Count));
        }

        return features;
    }
}
