namespace FleetCast.Simulator.Behaviour;

/// <summary>The operating state of one simulated server (REFERENCE.md "States and daily rhythm").</summary>
internal enum ServerState
{
    Healthy,
    Idle,
    MorningSpike,
    HeavyLoad,
    CriticalIssue,
    Maintenance,
    Recovery,
    Offline,
}
