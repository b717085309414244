namespace FleetCast.Simulator;

/// <summary>Settings of the synthetic fleet.</summary>
public sealed record SimulatorOptions
{
    public int Servers { get; init; } = 90;

    public int Seed { get; init; } = 42;

    public int StepSeconds { get; init; } = 300;

    /// <summary>Simulated time of step 0 (UTC, aligned to the step).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Steps over which degrading/critical scenarios ramp to their targets.</summary>
    public int RampSteps { get; init; } = 12;
}
