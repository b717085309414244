namespace FleetCast.Core.Scenarios;

/// <summary>The simulator's current scenario and the servers it affects.</summary>
/// <param name="ChangedAt">Simulated (data) time of the last change.</param>
public sealed record ScenarioStatus(string Scenario, DateTimeOffset ChangedAt, int RampSteps, IReadOnlyList<string> AffectedServers, IReadOnlyList<string> Available);
