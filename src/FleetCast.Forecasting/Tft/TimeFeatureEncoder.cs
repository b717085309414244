namespace FleetCast.Forecasting.Tft;

/// <summary>Time of day and day of week as sin/cos (UTC). Kept inside Tft/ so the model's contract
/// does not move when shared utilities change.</summary>
internal static class TimeFeatureEncoder
{
    private const double SecondsPerDay = 86_400;
    private const double SecondsPerWeek = 7 * SecondsPerDay;

    /// <summary>Writes the 4 features of <paramref name="steps"/> consecutive steps starting at
    /// <paramref name="first"/> into <paramref name="destination"/> ([step, feature]).</summary>
    public static void Write(DateTimeOffset first, int stepSeconds, int steps, Span<float> destination)
    {
        var firstUtc = first.UtcDateTime;
        var secondOfDay = firstUtc.TimeOfDay.TotalSeconds;
        var secondOfWeek = (((int)firstUtc.DayOfWeek + 6) % 7 * SecondsPerDay) + secondOfDay;
        for (var t = 0; t < steps; t++)
        {
            var offset = (double)t * stepSeconds;
            var day = 2 * Math.PI * ((secondOfDay + offset) % SecondsPerDay) / SecondsPerDay;
            var week = 2 * Math.PI * ((secondOfWeek + offset) % SecondsPerWeek) / SecondsPerWeek;
            var row = destination.Slice(t * 4, 4);
            row[0] = (float)Math.Sin(day);
            row[1] = (float)Math.Cos(day);
            row[2] = (float)Math.Sin(week);
            row[3] = (float)Math.Cos(week);
        }
    }
}
