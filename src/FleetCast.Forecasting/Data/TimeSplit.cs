namespace FleetCast.Forecasting.Data;

/// <summary>Chronological train/validation split. Windows are enumerated inside one range only
/// (<see cref="DatasetWindows.Enumerate"/>), so no window of one part reads a step of the other.</summary>
public static class TimeSplit
{
    /// <summary>Training takes the first part, validation the last <paramref name="validationFraction"/>
    /// of the steps, with <paramref name="gapSteps"/> unused steps between them.</summary>
    public static (StepRange Train, StepRange Validation) Split(int steps, double validationFraction, int gapSteps = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(gapSteps);
        if (validationFraction is <= 0 or >= 1 || double.IsNaN(validationFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "validationFraction must be between 0 and 1 (exclusive).");
        }

        var validationStart = steps - (int)Math.Round(steps * validationFraction);
        var trainEnd = Math.Max(0, validationStart - gapSteps);
        return (new StepRange(0, trainEnd), new StepRange(validationStart, steps));
    }
}
