using FleetCast.Forecasting.Live;

namespace FleetCast.Server.Engine;

/// <summary>Shadow scoring of the baselines against the serving forecaster: how it runs, what it costs,
/// and the live table (<see cref="Accuracy"/>).</summary>
/// <param name="EverySteps">A shadow origin every this many engine steps; 0 when off.</param>
/// <param name="MaxServers">Most ready servers forecast per shadow origin.</param>
/// <param name="Baselines">The baselines forecast in shadow (the serving forecaster itself is left out).</param>
/// <param name="Runs">Shadow origins forecast since start.</param>
/// <param name="SkippedRuns">Due origins not started because the previous run was still going.</param>
/// <param name="LastOrigin">Data time of the newest shadow origin kept.</param>
/// <param name="LastServers">Servers in it.</param>
/// <param name="LastRunMs">Wall time of its baseline forecasts on the background thread.</param>
/// <param name="TrackerStepMs">The tracker's own time in the previous engine step (scoring, keeping, drift), on the engine's thread after publication.</param>
public sealed record ShadowScoringStatus(
    bool Enabled,
    int EverySteps,
    int MaxServers,
    IReadOnlyList<string> Baselines,
    long Runs,
    long SkippedRuns,
    DateTimeOffset? LastOrigin,
    int LastServers,
    double? LastRunMs,
    double TrackerStepMs,
    string Message,
    LiveShadowReport Accuracy);
