using System.Globalization;

namespace FleetCast.Forecasting.Live;

/// <summary>A range of horizon steps (1-based, inclusive) scored together, labelled in data time.</summary>
public sealed record HorizonBucket(string Label, int FromStep, int ToStep)
{
    /// <summary>Buckets ending at <paramref name="endHours"/> (converted to steps, clipped to the horizon);
    /// the last bucket always ends at the horizon.</summary>
    public static IReadOnlyList<HorizonBucket> Create(IReadOnlyList<double> endHours, int stepSeconds, int horizonSteps)
    {
        var ends = endHours
            .Select(h => (int)Math.Ceiling(h * 3600 / stepSeconds))
            .Where(s => s >= 1 && s < horizonSteps)
            .Append(horizonSteps)
            .Distinct()
            .Order()
            .ToArray();
        var buckets = new List<HorizonBucket>(ends.Length);
        var from = 1;
        foreach (var end in ends)
        {
            buckets.Add(new HorizonBucket(LabelFor(from - 1, end, stepSeconds), from, end));
            from = end + 1;
        }

        return buckets;
    }

    private static string LabelFor(int fromSteps, int toSteps, int stepSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{Hours(fromSteps, stepSeconds)}–{Hours(toSteps, stepSeconds)} h ahead");

    private static string Hours(int steps, int stepSeconds) => (steps * (double)stepSeconds / 3600).ToString("0.##", CultureInfo.InvariantCulture);
}
