using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;
using FleetCast.Core.Scenarios;
using FleetCast.Simulator.Behaviour;
using FleetCast.Simulator.Fleet;
using FleetCast.Simulator.Scenarios;

namespace FleetCast.Simulator;

/// <summary>A seeded, deterministic synthetic fleet on its own clock. Thread-safe: Step and the
/// scenario control may be called from different threads. The same options and the same sequence of
/// Step/Set calls always produce the same samples (no wall clock, no shared random state).</summary>
public sealed class FleetSimulator : IScenarioControl
{
    private readonly Lock _gate = new();
    private readonly SimulatedServer[] _servers;
    private readonly ScenarioEngine _scenarios;
    private readonly DateTimeOffset _start;
    private long _stepsTaken;
    private DateTimeOffset _changedAt;

    public FleetSimulator(SimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid simulator options: {string.Join(" ", errors)}", nameof(options));
        }

        Options = options;
        _start = options.Start.ToUniversalTime();
        var stateMachine = new StateMachine(options.CriticalIssueProbability, options.MaintenanceProbability);
        _servers = FleetComposer.Compose(options.Servers, options.Seed)
            .Select(identity => new SimulatedServer(identity, options.Seed, options.NoisePhi, stateMachine))
            .ToArray();
        _scenarios = new ScenarioEngine(_servers, options.Seed, options.RampSteps, options.RecoverySteps, options.NewServersPerEpisode);
        ServerNames = _servers.Select(s => s.Identity.Name).ToArray();
        _changedAt = _start;
    }

    public SimulatorOptions Options { get; }

    /// <summary>Simulated time of the last produced step (Start − one step before the first Step).</summary>
    public DateTimeOffset Now
    {
        get
        {
            lock (_gate)
            {
                return TimeOfStep(_stepsTaken - 1);
            }
        }
    }

    public IReadOnlyList<string> ServerNames { get; }

    internal IReadOnlyList<SimulatedServer> Servers => _servers;

    /// <summary>Advances one step and returns that step's samples (offline servers send none).</summary>
    public IReadOnlyList<MetricSample> Step()
    {
        lock (_gate)
        {
            var samples = new List<MetricSample>(_servers.Length);
            StepCore((_, sample) => samples.Add(sample));
            return samples;
        }
    }

    public IReadOnlyList<string> Available => ScenarioNames.All;

    public ScenarioStatus Current
    {
        get
        {
            lock (_gate)
            {
                return StatusCore();
            }
        }
    }

    /// <summary>Switches scenario (case-insensitive name). The change shows from the next step on, and
    /// <see cref="ScenarioStatus.ChangedAt"/> is that step's time. Setting the current scenario again
    /// changes nothing.</summary>
    /// <exception cref="ArgumentException">Unknown scenario; the message lists the valid ones.</exception>
    public ScenarioStatus Set(string scenario)
    {
        var name = ScenarioNames.Normalize(scenario, nameof(scenario));
        lock (_gate)
        {
            return SetCore(name);
        }
    }

    /// <summary>Runs <paramref name="steps"/> steps and returns them as a dataset (for training/evaluation).
    /// <paramref name="scenarioPlan"/> switches scenarios at given steps (step → scenario name), where step 0
    /// is the first step generated. The dataset starts at the first generated step; offline servers have
    /// NaN rows. <see cref="FleetDataset.Episodes"/> lists every contiguous span of one scenario (healthy
    /// included), with the servers it affected.</summary>
    public FleetDataset Generate(int steps, IReadOnlyDictionary<int, string>? scenarioPlan = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        var plan = ValidatePlan(scenarioPlan, steps);
        lock (_gate)
        {
            var start = TimeOfStep(_stepsTaken);
            var values = _servers.Select(_ => CreateNaNRows(steps)).ToArray();
            var episodes = new List<ScenarioEpisode>();
            var episodeStart = 0;
            var episodeStatus = StatusCore();
            for (var step = 0; step < steps; step++)
            {
                if (plan.TryGetValue(step, out var scenario) && scenario != episodeStatus.Scenario)
                {
                    CloseEpisode(episodes, episodeStatus, episodeStart, step);
                    episodeStatus = SetCore(scenario);
                    episodeStart = step;
                }

                var row = step * MetricCatalog.Count;
                StepCore((index, sample) =>
                {
                    var target = values[index];
                    for (var m = 0; m < MetricCatalog.Count; m++)
                    {
                        target[row + m] = (float)sample.Values[m];
                    }
                });
            }

            CloseEpisode(episodes, episodeStatus, episodeStart, steps);
            var series = _servers.Select((s, i) => new ServerSeries(s.Identity.Name, s.Identity.Profile, values[i])).ToArray();
            return new FleetDataset(start, Options.StepSeconds, Options.Seed, series, episodes);
        }
    }

    private void StepCore(Action<int, MetricSample> onSample)
    {
        var time = TimeOfStep(_stepsTaken);
        Span<double> buffer = stackalloc double[MetricCatalog.Count];
        foreach (var server in _servers)
        {
            if (server.TryStep(time, Options.StepSeconds, buffer))
            {
                onSample(server.Identity.Index, new MetricSample(server.Identity.Name, time, server.Identity.Profile, buffer.ToArray()));
            }
        }

        _stepsTaken++;
    }

    private ScenarioStatus SetCore(string scenario)
    {
        if (_scenarios.Set(scenario))
        {
            _changedAt = TimeOfStep(_stepsTaken);
        }

        return StatusCore();
    }

    private ScenarioStatus StatusCore() =>
        new(_scenarios.Current, _changedAt, _scenarios.CurrentRampSteps, _scenarios.Affected, ScenarioNames.All);

    private DateTimeOffset TimeOfStep(long step) => _start.AddSeconds((double)step * Options.StepSeconds);

    private static Dictionary<int, string> ValidatePlan(IReadOnlyDictionary<int, string>? scenarioPlan, int steps)
    {
        var plan = new Dictionary<int, string>();
        foreach (var (step, scenario) in scenarioPlan ?? new Dictionary<int, string>())
        {
            if (step < 0 || step >= Math.Max(steps, 1))
            {
                throw new ArgumentOutOfRangeException(nameof(scenarioPlan), step, $"Scenario plan step {step} is outside 0..{steps - 1}.");
            }

            plan[step] = ScenarioNames.Normalize(scenario, nameof(scenarioPlan));
        }

        return plan;
    }

    private static float[] CreateNaNRows(int steps)
    {
        var rows = new float[steps * MetricCatalog.Count];
        Array.Fill(rows, float.NaN);
        return rows;
    }

    private static void CloseEpisode(List<ScenarioEpisode> episodes, ScenarioStatus status, int start, int end)
    {
        if (end > start)
        {
            episodes.Add(new ScenarioEpisode(status.Scenario, start, end, status.AffectedServers));
        }
    }
}
