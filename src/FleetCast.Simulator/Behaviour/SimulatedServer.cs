using FleetCast.Core.Metrics;
using FleetCast.Simulator.Fleet;
using FleetCast.Simulator.Scenarios;

namespace FleetCast.Simulator.Behaviour;

/// <summary>One synthetic server: its traits (drawn once), its state machine position, AR(1) noise,
/// uptime counter and any scenario pull. Owns its own seeded <see cref="Random"/>; not thread-safe
/// (the simulator serialises access).</summary>
internal sealed class SimulatedServer
{
    /// <summary>Fluctuation relative to the baseline std: the daily rhythm and per-server traits already
    /// carry part of the spread the old generator drew independently every step.</summary>
    private const double NoiseScale = 0.5;
    private const double MemoryPhi = 0.97;
    private const int TraitPurpose = 2;

    /// <summary>Outside a critical issue, busy servers saturate softly: cpu_user bends away above the
    /// knee and never passes the ceiling, so heavy load and nightly jobs look busy, not broken.</summary>
    private const double CpuUserKnee = 60;
    private const double CpuUserCeiling = 80;
    private const int StreamPurpose = 3;

    private const int User = 0, Sys = 1, Iowait = 2, Java = 3, NetIn = 4, NetOut = 5, Back = 6, Front = 7, Load = 8, Disk = 9;
    private const int FastChannels = 10;
    private const int Mem = 0, Swap = 1;

    private readonly Random _random;
    private readonly Ar1Noise _noise;
    private readonly Ar1Noise _slowNoise;
    private readonly ProfileBaseline _baseline;
    private readonly StateMachine _stateMachine;
    private readonly NightlyBatchJob? _batchJob;
    private readonly DiskLogRotation _disk;
    private readonly double _cpuFactor;
    private readonly double _memoryFactor;
    private readonly double _networkFactor;
    private readonly double _loadFactor;
    private readonly double _swapBase;
    private double _uptimeDays;
    private bool _rebootPending;

    public SimulatedServer(ServerIdentity identity, int seed, double noisePhi, StateMachine stateMachine)
    {
        Identity = identity;
        _baseline = ProfileBaselines.For(identity.Profile);
        _stateMachine = stateMachine;

        var traits = SeedMixer.Create(seed, identity.Index, TraitPurpose);
        _cpuFactor = Math.Clamp(1 + (0.08 * traits.NextGaussian()), 0.85, 1.1);
        _memoryFactor = Math.Clamp(1 + (0.05 * traits.NextGaussian()), 0.9, 1.1);
        _networkFactor = Math.Clamp(1 + (0.15 * traits.NextGaussian()), 0.7, 1.3);
        _loadFactor = Math.Clamp(1 + (0.1 * traits.NextGaussian()), 0.8, 1.2);
        _swapBase = traits.NextUniform(0.5, 3);
        _uptimeDays = traits.NextUniform(1, 120);
        _batchJob = NightlyBatchJob.For(identity.Profile, traits);
        _disk = new DiskLogRotation(traits, identity.IsProblemChild);

        _random = SeedMixer.Create(seed, identity.Index, StreamPurpose);
        _noise = new Ar1Noise(FastChannels, noisePhi, _random);
        _slowNoise = new Ar1Noise(2, MemoryPhi, _random);
    }

    public ServerIdentity Identity { get; }

    public ServerState State { get; private set; } = ServerState.Healthy;

    public ScenarioPull? Pull { get; set; }

    public DiskLogRotation DiskPattern => _disk;

    public NightlyBatchJob? BatchJob => _batchJob;

    /// <summary>A scenario takes this server over: it reports (rebooting first if it was offline) and
    /// its own state machine pauses until the scenario lets go.</summary>
    public void TakeOver(ScenarioPull pull)
    {
        Pull = pull;
        State = ServerState.Healthy;
    }

    /// <summary>Produces the values for the step at <paramref name="time"/>, or null when offline.</summary>
    public bool TryStep(DateTimeOffset time, int stepSeconds, Span<double> values)
    {
        if (Pull is { } pull)
        {
            pull.Advance();
        }
        else
        {
            State = _stateMachine.Next(State, time.UtcDateTime.Hour, Identity.IsProblemChild, _random);
        }

        _noise.Advance(_random);
        _slowNoise.Advance(_random);
        if (State == ServerState.Offline)
        {
            _rebootPending = true;
            return false;
        }

        WriteNatural(time, values);
        Pull?.Apply(values, _random);
        if (Pull is { IsFinishedRecovery: true })
        {
            Pull = null;
        }

        if (_rebootPending)
        {
            _uptimeDays = 0;
            _rebootPending = false;
        }

        _uptimeDays += stepSeconds / 86400.0;
        values[(int)Metric.UptimeDays] = _uptimeDays;
        MetricFinalizer.Finalize(values);
        return true;
    }

    private void WriteNatural(DateTimeOffset time, Span<double> values)
    {
        var b = _baseline;
        var effect = StateEffect.For(State);
        var activity = DailyRhythm.Activity(Identity.Profile, time);
        var batch = _batchJob?.Intensity(time) ?? 0;
        var job = _batchJob?.Effect ?? new BatchJobEffect(0, 0, 0, 1, 1);

        var user = (b.CpuUser.Mean * _cpuFactor * activity * effect.CpuUser) + Noise(b.CpuUser, User) + (batch * job.CpuUser);
        var sys = (b.CpuSys.Mean * _cpuFactor * (0.6 + (0.4 * activity)) * effect.CpuSys) + Noise(b.CpuSys, Sys);
        var iowait = (b.CpuIowait.Mean * (0.5 + (0.5 * activity)) * effect.Iowait) + Noise(b.CpuIowait, Iowait) + (batch * job.Iowait);
        var memory = (b.MemUsed.Mean * _memoryFactor * (1 + (0.15 * (activity - 1))) * effect.Memory) + (0.8 * NoiseScale * b.MemUsed.Std * _slowNoise[Mem]);

        if (State != ServerState.CriticalIssue)
        {
            user = SoftCeiling(user, CpuUserKnee, CpuUserCeiling);
        }

        values[(int)Metric.CpuUserPct] = user;
        values[(int)Metric.CpuSysPct] = sys;
        values[(int)Metric.CpuIowaitPct] = iowait;
        values[(int)Metric.JavaCpuPct] = (b.JavaShare * Math.Max(0, user + sys) * (effect.Java / effect.CpuUser)) + (1.5 * _noise[Java]);
        values[(int)Metric.MemUsedPct] = memory;
        values[(int)Metric.SwapUsedPct] = ((_swapBase + (Math.Max(0, memory - 80) * 1.2)) * effect.Swap) + (0.3 * _slowNoise[Swap]);
        values[(int)Metric.DiskUsagePct] = _disk.Usage(time) + (0.15 * _noise[Disk]);
        values[(int)Metric.NetInMbS] = (b.NetIn.Mean * _networkFactor * activity * effect.Network * (1 + (batch * (job.NetInFactor - 1)))) + Noise(b.NetIn, NetIn);
        values[(int)Metric.NetOutMbS] = (b.NetOut.Mean * _networkFactor * activity * effect.Network * (1 + (batch * (job.NetOutFactor - 1)))) + Noise(b.NetOut, NetOut);
        values[(int)Metric.BackCloseWait] = (b.BackCloseWait.Mean * activity * effect.Connections) + (b.BackCloseWait.Std * _noise[Back]);
        values[(int)Metric.FrontCloseWait] = (b.FrontCloseWait.Mean * activity * effect.Connections) + (b.FrontCloseWait.Std * _noise[Front]);
        values[(int)Metric.LoadAverage] = (b.Load.Mean * _loadFactor * activity * effect.Load) + Noise(b.Load, Load) + (batch * job.Load);
    }

    private static double SoftCeiling(double value, double knee, double ceiling) =>
        value <= knee ? value : knee + ((ceiling - knee) * (1 - Math.Exp(-(value - knee) / (ceiling - knee))));

    private double Noise(MeanStd baseline, int channel) => NoiseScale * baseline.Std * _noise[channel];
}
