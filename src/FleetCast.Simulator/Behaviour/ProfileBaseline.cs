namespace FleetCast.Simulator.Behaviour;

/// <summary>What a healthy server of one profile looks like on an ordinary weekday hour
/// (percentages in percent, network in MB/s).</summary>
/// <param name="JavaShare">Fraction of the busy CPU (user + sys) spent in Java processes.</param>
internal sealed record ProfileBaseline(
    MeanStd CpuUser,
    MeanStd CpuSys,
    MeanStd CpuIowait,
    MeanStd MemUsed,
    MeanStd NetIn,
    MeanStd NetOut,
    MeanStd Load,
    MeanStd BackCloseWait,
    MeanStd FrontCloseWait,
    double JavaShare);
