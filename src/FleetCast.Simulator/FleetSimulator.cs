using FleetCast.Core.Datasets;
using FleetCast.Core.Samples;
using FleetCast.Core.Scenarios;

namespace FleetCast.Simulator;

/// <summary>A seeded, deterministic synthetic fleet on its own clock. Thread-safe: Step and the
/// scenario control may be called from different threads.</summary>
public sealed class FleetSimulator : IScenarioControl
{
    public FleetSimulator(SimulatorOptions options) => throw new NotImplementedException("simulator helper implements this");

    public SimulatorOptions Options => throw new NotImplementedException();

    /// <summary>Simulated time of the last produced step.</summary>
    public DateTimeOffset Now => throw new NotImplementedException();

    public IReadOnlyList<string> ServerNames => throw new NotImplementedException();

    /// <summary>Advances one step and returns that step's samples (offline servers send none).</summary>
    public IReadOnlyList<MetricSample> Step() => throw new NotImplementedException();

    public IReadOnlyList<string> Available => throw new NotImplementedException();

    public ScenarioStatus Current => throw new NotImplementedException();

    public ScenarioStatus Set(string scenario) => throw new NotImplementedException();

    /// <summary>Runs <paramref name="steps"/> steps and returns them as a dataset (for training/evaluation).
    /// <paramref name="scenarioPlan"/> switches scenarios at given steps (step → scenario name).</summary>
    public FleetDataset Generate(int steps, IReadOnlyDictionary<int, string>? scenarioPlan = null) => throw new NotImplementedException();
}
