namespace FleetCast.Server.Windows;

/// <summary>Shape of the rolling windows: the model step, how many steps are kept, and how many steps
/// with real samples a server needs before it counts as ready (warm-up).</summary>
public sealed record WindowStoreOptions
{
    public int StepSeconds { get; init; } = 300;

    public int WindowSteps { get; init; } = 576;

    public int LookbackSteps { get; init; } = 96;

    /// <summary>Every problem with these options at once; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StepSeconds <= 0)
        {
            errors.Add($"StepSeconds must be positive; got {StepSeconds}.");
        }

        if (WindowSteps <= 0)
        {
            errors.Add($"WindowSteps must be positive; got {WindowSteps}.");
        }

        if (LookbackSteps <= 0 || LookbackSteps > WindowSteps)
        {
            errors.Add($"LookbackSteps must be between 1 and WindowSteps ({WindowSteps}); got {LookbackSteps}.");
        }

        return errors;
    }
}
