namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Linear warm-up to the base rate, then cosine decay to base × final fraction.</summary>
internal sealed class WarmupCosineSchedule(double baseRate, int warmupSteps, int totalSteps, double finalFraction)
{
    public double RateAt(int step)
    {
        if (step < warmupSteps)
        {
            return baseRate * (step + 1) / warmupSteps;
        }

        var decaySteps = Math.Max(1, totalSteps - warmupSteps);
        var progress = Math.Min(1.0, (double)(step - warmupSteps) / decaySteps);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return baseRate * (finalFraction + ((1 - finalFraction) * cosine));
    }
}
