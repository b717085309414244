namespace FleetCast.Simulator.Behaviour;

/// <summary>Per-step transitions between <see cref="ServerState"/>s. Transitions out of healthy,
/// critical_issue and offline follow REFERENCE.md, except that the chance of a spontaneous critical
/// issue is an option (REFERENCE's 0.02 per step would keep a few percent of a healthy fleet critical
/// at any time). Problem children go critical twice as often and, once critical, offline 1.5× as often.</summary>
internal sealed class StateMachine(double criticalIssueProbability, double maintenanceProbability)
{
    public ServerState Next(ServerState current, int hour, bool problemChild, Random random)
    {
        var critical = criticalIssueProbability * (problemChild ? 2 : 1);
        var roll = random.NextDouble();
        return current switch
        {
            ServerState.Healthy => FromHealthy(hour, critical, roll),
            ServerState.Idle => Pick(roll, (0.15, ServerState.Healthy)) ?? current,
            ServerState.MorningSpike => Pick(roll, (hour >= 10 ? 0.5 : 0.25, ServerState.Healthy)) ?? current,
            ServerState.HeavyLoad => Pick(roll, (5 * critical, ServerState.CriticalIssue), (0.19, ServerState.Healthy)) ?? current,
            ServerState.CriticalIssue => Pick(roll, (0.4 * (problemChild ? 1.5 : 1), ServerState.Offline), (0.3, ServerState.Recovery)) ?? current,
            ServerState.Maintenance => Pick(roll, (0.1, ServerState.Offline), (0.1, ServerState.Healthy)) ?? current,
            ServerState.Offline => Pick(roll, (0.3, ServerState.Recovery)) ?? current,
            ServerState.Recovery => Pick(roll, (0.4, ServerState.Healthy)) ?? current,
            _ => ServerState.Healthy,
        };
    }

    private ServerState FromHealthy(int hour, double critical, double roll)
    {
        var night = hour < 6 || hour >= 22;
        return Pick(
            roll,
            (hour is >= 7 and <= 9 ? 0.08 : 0.02, ServerState.MorningSpike),
            (hour is >= 10 and <= 17 ? 0.06 : 0.02, ServerState.HeavyLoad),
            (critical, ServerState.CriticalIssue),
            (night ? 0.03 : 0.01, ServerState.Idle),
            (hour is >= 1 and <= 4 ? maintenanceProbability : 0, ServerState.Maintenance)) ?? ServerState.Healthy;
    }

    /// <summary>Walks the cumulative probabilities; null means "stay" (the remaining mass).</summary>
    private static ServerState? Pick(double roll, params ReadOnlySpan<(double Probability, ServerState State)> options)
    {
        var cumulative = 0.0;
        foreach (var (probability, state) in options)
        {
            cumulative += probability;
            if (roll < cumulative)
            {
                return state;
            }
        }

        return null;
    }
}
