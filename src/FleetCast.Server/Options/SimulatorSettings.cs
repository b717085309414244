namespace FleetCast.Server.Options;

public sealed class SimulatorSettings
{
    public bool Enabled { get; set; } = true;

    public int Servers { get; set; } = 90;

    public int Seed { get; set; } = 42;

    /// <summary>Simulated steps per real second; 0 = real time.</summary>
    public double Speed { get; set; } = 1.0;

    public int BackfillSteps { get; set; } = 576;

    /// <summary>Per-step chance that a healthy simulated server spontaneously enters a critical issue
    /// (see the simulator's SimulatorOptions.CriticalIssueProbability).</summary>
    public double CriticalIssueProbability { get; set; } = 0.0001;
}
