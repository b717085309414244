using FleetCast.Core.Profiles;
using FleetCast.Simulator.Behaviour;
using FleetCast.Simulator.Fleet;

namespace FleetCast.Simulator.Scenarios;

/// <summary>Chooses the servers a scenario affects (deterministically from the seed) and gives each its
/// <see cref="ScenarioPull"/>; servers it lets go of recover over a short ramp. Not thread-safe.</summary>
internal sealed class ScenarioEngine
{
    private const int OrderPurpose = 4;
    private const int StrengthPurpose = 5;
    private const int FailingDatabases = 2;

    private readonly IReadOnlyList<SimulatedServer> _servers;
    private readonly int[] _order;
    private readonly double[] _cascadeStrength;
    private readonly int _rampSteps;
    private readonly int _recoverySteps;
    private readonly int _seed;
    private readonly bool _newServersPerEpisode;
    private int _episodes;

    public ScenarioEngine(IReadOnlyList<SimulatedServer> servers, int seed, int rampSteps, int recoverySteps, bool newServersPerEpisode = false)
    {
        _servers = servers;
        _rampSteps = rampSteps;
        _recoverySteps = recoverySteps;
        _seed = seed;
        _newServersPerEpisode = newServersPerEpisode;
        _order = Enumerable.Range(0, servers.Count).ToArray();
        SeedMixer.Create(seed, 0, OrderPurpose).Shuffle(_order);
        _cascadeStrength = servers.Select(s => SeedMixer.Create(seed, s.Identity.Index, StrengthPurpose).NextUniform(0.5, 0.85)).ToArray();
    }

    public string Current { get; private set; } = ScenarioNames.Healthy;

    public IReadOnlyList<string> Affected { get; private set; } = [];

    public int CurrentRampSteps => Current == ScenarioNames.Healthy ? _recoverySteps : _rampSteps;

    /// <summary>Switches to <paramref name="scenario"/> (already normalised). Setting the current
    /// scenario again changes nothing.</summary>
    /// <returns>False when the scenario was already current.</returns>
    public bool Set(string scenario)
    {
        if (scenario == Current)
        {
            return false;
        }

        if (_newServersPerEpisode && Current == ScenarioNames.Healthy && scenario != ScenarioNames.Healthy)
        {
            // Episode 0 keeps the seed's order, so the first episode is the same either way.
            if (_episodes > 0)
            {
                Array.Sort(_order);
                SeedMixer.Create(_seed, _episodes, OrderPurpose).Shuffle(_order);
            }

            _episodes++;
        }

        var roles = Plan(scenario);
        foreach (var server in _servers)
        {
            var previous = server.Pull;
            if (roles.TryGetValue(server.Identity.Index, out var role))
            {
                var ramp = scenario == ScenarioNames.Critical && previous?.Scenario == ScenarioNames.Degrading
                    ? ShortRamp
                    : _rampSteps;
                server.TakeOver(new ScenarioPull(scenario, role, ramp, previous));
            }
            else if (previous is not null && previous.Role is not RecoveryRole)
            {
                server.Pull = new ScenarioPull(ScenarioNames.Healthy, RecoveryRole.Instance, _recoverySteps, previous);
            }
        }

        Current = scenario;
        Affected = _servers.Where(s => roles.ContainsKey(s.Identity.Index)).Select(s => s.Identity.Name).ToArray();
        return true;
    }

    /// <summary>From degrading, the same servers go on to critical over half the ramp.</summary>
    private int ShortRamp => Math.Max(1, _rampSteps / 2);

    private Dictionary<int, ScenarioRole> Plan(string scenario) => scenario switch
    {
        ScenarioNames.Degrading => FirstInOrder(Share(0.2)).ToDictionary(s => s.Identity.Index, s => (ScenarioRole)ScenarioTargets.Degrading(s.Identity.Profile)),
        ScenarioNames.Critical => FirstInOrder(Share(0.25)).ToDictionary(s => s.Identity.Index, s => (ScenarioRole)ScenarioTargets.Critical(s.Identity.Profile)),
        ScenarioNames.Cascade => PlanCascade(),
        _ => [],
    };

    private Dictionary<int, ScenarioRole> PlanCascade()
    {
        var roles = new Dictionary<int, ScenarioRole>();
        var failing = _order.Select(i => _servers[i]).Where(s => s.Identity.Profile == ServerProfile.Database).Take(FailingDatabases).ToArray();
        if (failing.Length == 0)
        {
            return roles;
        }

        foreach (var database in failing)
        {
            roles[database.Identity.Index] = ScenarioTargets.FailingDatabase();
        }

        foreach (var server in _servers.Where(s => ProfileDependencies.DependsOn(s.Identity.Profile, ServerProfile.Database)))
        {
            roles[server.Identity.Index] = new CascadeDependentRole(_cascadeStrength[server.Identity.Index]);
        }

        return roles;
    }

    private int Share(double fraction) => Math.Max(1, (int)Math.Round(_servers.Count * fraction, MidpointRounding.AwayFromZero));

    private IEnumerable<SimulatedServer> FirstInOrder(int count) => _order.Take(count).Select(i => _servers[i]);
}
