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

    /// <summary>Steps over which servers a scenario lets go of return to normal.</summary>
    public int RecoverySteps { get; init; } = 6;

    /// <summary>Per-step chance that a healthy server spontaneously enters critical_issue (doubled for
    /// problem children, ×5 from heavy_load). The old system used 0.02, which kept a few percent of a
    /// healthy fleet critical at any time. The default, 0.0001, gives about one spontaneous critical issue
    /// per server every two weeks (heavy load and problem children included): a fleet in the healthy
    /// scenario has real incidents now and then, not every other day as 0.001 did (0.67 critical
    /// breaches per server-day, measured). Training and evaluation data use their own, higher rate.</summary>
    public double CriticalIssueProbability { get; init; } = DefaultCriticalIssueProbability;

    public const double DefaultCriticalIssueProbability = 0.0001;

    /// <summary>Per-step chance, between 01:00 and 05:00, that a healthy server enters maintenance
    /// (which may end in a reboot).</summary>
    public double MaintenanceProbability { get; init; } = 0.0005;

    /// <summary>When true, every episode that starts from healthy draws its affected servers afresh
    /// (seeded by the episode's number); when false, a scenario always affects the same servers, as the
    /// live scenario switch expects. Training and evaluation data use fresh servers, so that an incident
    /// is not a copy of one the same server had before.</summary>
    public bool NewServersPerEpisode { get; init; }

    /// <summary>AR(1) coefficient of the per-metric noise.</summary>
    public double NoisePhi { get; init; } = 0.85;

    /// <summary>Every problem with these options, naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Servers < 1)
        {
            errors.Add($"{nameof(Servers)} must be at least 1; got {Servers}.");
        }

        if (StepSeconds < 1)
        {
            errors.Add($"{nameof(StepSeconds)} must be at least 1; got {StepSeconds}.");
        }

        if (RampSteps < 1)
        {
            errors.Add($"{nameof(RampSteps)} must be at least 1; got {RampSteps}.");
        }

        if (RecoverySteps < 1)
        {
            errors.Add($"{nameof(RecoverySteps)} must be at least 1; got {RecoverySteps}.");
        }

        if (CriticalIssueProbability is < 0 or > 0.1 || double.IsNaN(CriticalIssueProbability))
        {
            errors.Add($"{nameof(CriticalIssueProbability)} must be between 0 and 0.1; got {CriticalIssueProbability}.");
        }

        if (MaintenanceProbability is < 0 or > 0.1 || double.IsNaN(MaintenanceProbability))
        {
            errors.Add($"{nameof(MaintenanceProbability)} must be between 0 and 0.1; got {MaintenanceProbability}.");
        }

        if (NoisePhi is < 0 or >= 1 || double.IsNaN(NoisePhi))
        {
            errors.Add($"{nameof(NoisePhi)} must be at least 0 and below 1; got {NoisePhi}.");
        }

        return errors;
    }
}
