namespace FleetCast.Core.Scenarios;

/// <summary>How the server reaches an in-process simulator (wired by the CLI); absent otherwise.</summary>
public interface IScenarioControl
{
    IReadOnlyList<string> Available { get; }

    ScenarioStatus Current { get; }

    /// <summary>Switches scenario; throws <see cref="ArgumentException"/> naming the valid ones for an unknown name.</summary>
    ScenarioStatus Set(string scenario);
}
