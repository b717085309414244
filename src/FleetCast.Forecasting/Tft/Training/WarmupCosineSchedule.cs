namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Linear warm-up to the base rate, then cosine decay to base × final fraction. The decay
/// follows whichever is further along: the steps or the time budget, so a run cut short by its
/// budget still ends at the low rate.</summary>
internal sealed class WarmupCosineSchedule(double baseRate, int warmupSteps, int totalSteps, double finalFraction)
{
    /// <param name="timeProgress">Share of the time budget used (0 without a budget).</param>
    public double RateAt(int step, double timeProgress = 0)
    {
        if (step < warmupSteps)
        {
            return baseRate * (step + 1) / warmupSteps;
        }

        var decaySteps = Math.Max(1, totalSteps - warmupSteps);
        var progress = Math.Min(1.0, Math.Max((double)(step - warmupSteps) / decaySteps, timeProgress));
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return baseRate * (finalFraction + ((1 - finalFraction) * cosine));
    }
}
