using System.Globalization;

namespace FleetCast.Dashboard.Shared;

/// <summary>Number and time formatting shared by the tabs (invariant culture, data time in UTC).</summary>
internal static class DisplayFormat
{
    public static string Value(double? value, string unit)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return "–";
        }

        var number = v.ToString(Math.Abs(v) >= 100 ? "0" : "0.0", CultureInfo.InvariantCulture);
        return unit switch
        {
            "" => number,
            "%" => number + "%",
            _ => number + " " + unit,
        };
    }

    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string DataTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string AxisTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"now", "in 35 min", "in 2 h 05 min".</summary>
    public static string Ahead(double minutes)
    {
        if (minutes <= 0)
        {
            return "now";
        }

        var span = TimeSpan.FromMinutes(Math.Round(minutes));
        return span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"in {(int)span.TotalHours} h {span.Minutes:00} min")
            : string.Create(CultureInfo.InvariantCulture, $"in {span.Minutes} min");
    }

    /// <summary>An age such as "4 s", "3 min", "2 h"; negative ages (clock skew) read as "0 s".</summary>
    public static string Age(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            age = TimeSpan.Zero;
        }

        return age.TotalSeconds < 90
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalSeconds} s")
            : age.TotalMinutes < 90
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h");
    }

    public static string Duration(int seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalHours >= 1 && span.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h")
            : span.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{seconds} s");
    }
}
