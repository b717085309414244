namespace FleetCast.Forecasting.Live;

/// <summary>How live forecasts are kept and scored once they mature (DESIGN.md §6 "Drift and retraining").</summary>
public sealed record LiveScoreOptions
{
    public int StepSeconds { get; init; } = 300;

    public int HorizonSteps { get; init; } = 96;

    /// <summary>Steps of look-back whose mean and standard deviation normalise a kept forecast (as in evaluation).</summary>
    public int LookbackSteps { get; init; } = 96;

    /// <summary>A forecast origin is kept every this many steps (evaluation uses 12, one hour at 5 min).</summary>
    public int OriginEverySteps { get; init; } = 12;

    /// <summary>Of a kept forecast only every this many horizon steps (h = n, 2n, …) is stored and scored,
    /// so memory stays small; the horizon's last step is always included.</summary>
    public int HorizonSampleEvery { get; init; } = 4;

    /// <summary>Ends of the horizon buckets in hours of data time; the last bucket always ends at the horizon.</summary>
    public IReadOnlyList<double> BucketEndHours { get; init; } = [1, 4, 8];

    /// <summary>A bucket with fewer matured points than this is flagged as not yet sufficient.</summary>
    public int MinMaturedPoints { get; init; } = 500;

    /// <summary>Throws naming the first invalid field.</summary>
    public void Validate()
    {
        Positive(StepSeconds, nameof(StepSeconds));
        Positive(HorizonSteps, nameof(HorizonSteps));
        Positive(LookbackSteps, nameof(LookbackSteps));
        Positive(OriginEverySteps, nameof(OriginEverySteps));
        Positive(HorizonSampleEvery, nameof(HorizonSampleEvery));
        if (MinMaturedPoints < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinMaturedPoints), MinMaturedPoints, $"{nameof(MinMaturedPoints)} must be at least 1.");
        }

        if (BucketEndHours.Count == 0 || BucketEndHours.Any(h => !(h > 0)))
        {
            throw new ArgumentException($"{nameof(BucketEndHours)} must list at least one positive number of hours.", nameof(BucketEndHours));
        }
    }

    private static void Positive(int value, string name)
    {
        if (value < 1)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1.");
        }
    }
}
