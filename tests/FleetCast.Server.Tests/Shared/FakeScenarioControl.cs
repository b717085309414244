using FleetCast.Core.Scenarios;

namespace FleetCast.Server.Tests.Shared;

public sealed class FakeScenarioControl : IScenarioControl
{
    public IReadOnlyList<string> Available { get; } = ["healthy", "degrading", "critical", "cascade"];

    public ScenarioStatus Current { get; private set; } = new("healthy", DateTimeOffset.UnixEpoch, 12, [], ["healthy", "degrading", "critical", "cascade"]);

    public ScenarioStatus Set(string scenario)
    {
        if (!Available.Contains(scenario))
        {
            throw new ArgumentException($"Unknown scenario '{scenario}'; valid: {string.Join(", ", Available)}.", nameof(scenario));
        }

        Current = new ScenarioStatus(scenario, DateTimeOffset.UnixEpoch, 12, scenario == "healthy" ? [] : ["ppdb001", "ppweb001"], Available);
        return Current;
    }
}
