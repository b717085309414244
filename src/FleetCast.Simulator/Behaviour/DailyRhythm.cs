using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Behaviour;

/// <summary>How busy a profile is at a given simulated (UTC = local) time: the diurnal multiplier of
/// REFERENCE.md "States and daily rhythm" with its profile tweaks, interpolated between hours so the
/// curve has no steps, times a weekly factor (quieter weekends), clipped to 0.5–1.5.</summary>
internal static class DailyRhythm
{
    private static readonly double[][] HourlyByProfile = ProfileNames.All.Select(BuildHours).ToArray();

    public static double Activity(ServerProfile profile, DateTimeOffset time)
    {
        var hours = HourlyByProfile[(int)profile];
        var utc = time.UtcDateTime;
        var hour = utc.Hour;
        var fraction = (utc.Minute + (utc.Second / 60.0)) / 60.0;
        var diurnal = hours[hour] + ((hours[(hour + 1) % 24] - hours[hour]) * fraction);
        return Math.Clamp(diurnal * Weekly(profile, utc.DayOfWeek), 0.5, 1.5);
    }

    public static double Hourly(ServerProfile profile, int hour) => HourlyByProfile[(int)profile][hour];

    /// <summary>Weekend factor: user-facing and business-hours profiles quiet down most; training and
    /// ingestion keep running.</summary>
    public static double Weekly(ServerProfile profile, DayOfWeek day)
    {
        if (day is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            return 1.0;
        }

        return profile switch
        {
            ServerProfile.WebApi or ServerProfile.RiskAnalytics or ServerProfile.ConductorMgmt => 0.75,
            ServerProfile.MlCompute => 0.95,
            _ => 0.85,
        };
    }

    private static double[] BuildHours(ServerProfile profile)
    {
        var hours = new double[24];
        for (var hour = 0; hour < 24; hour++)
        {
            var value = hour switch
            {
                <= 6 => 0.8,
                <= 8 => 1.0,
                <= 15 => 1.1,
                <= 18 => 1.2,
                _ => 1.0,
            };
            value = profile switch
            {
                ServerProfile.MlCompute when hour <= 6 => 1.2,
                ServerProfile.WebApi when hour <= 6 => 0.6,
                ServerProfile.Database or ServerProfile.RiskAnalytics when hour is >= 16 and <= 18 => 1.35,
                ServerProfile.DataIngest when hour is >= 9 and <= 15 => 1.3,
                _ => value,
            };
            hours[hour] = Math.Clamp(value, 0.5, 1.5);
        }

        return hours;
    }
}
