namespace FleetCast.Simulator.Behaviour;

/// <summary>Multipliers a state applies to the healthy level of each metric family.</summary>
internal sealed record StateEffect(
    double CpuUser,
    double CpuSys,
    double Iowait,
    double Java,
    double Memory,
    double Swap,
    double Network,
    double Load,
    double Connections)
{
    public static StateEffect Neutral { get; } = new(1, 1, 1, 1, 1, 1, 1, 1, 1);

    /// <summary>critical_issue uses REFERENCE's multipliers (cpu_user ×2.5, iowait ×3.5, swap ×3,
    /// java ×2.8, memory ×1.4, network ×0.35); heavy_load about ×1.4–1.5; the rest are chosen here.</summary>
    public static StateEffect For(ServerState state) => state switch
    {
        ServerState.Idle => new(0.45, 0.6, 0.6, 0.5, 0.95, 1, 0.35, 0.45, 0.5),
        ServerState.MorningSpike => new(1.3, 1.2, 1.2, 1.3, 1.05, 1, 1.5, 1.3, 1.4),
        ServerState.HeavyLoad => new(1.4, 1.4, 1.4, 1.45, 1.15, 1.3, 1.45, 1.5, 1.5),
        ServerState.CriticalIssue => new(2.5, 2.0, 3.5, 2.8, 1.4, 3.0, 0.35, 2.0, 3.0),
        ServerState.Maintenance => new(0.3, 1.2, 1.5, 0.1, 0.9, 1, 0.1, 0.3, 0.2),
        ServerState.Recovery => new(1.15, 1.1, 1.3, 1.1, 1.05, 1.2, 0.8, 1.2, 1.2),
        _ => Neutral,
    };
}
