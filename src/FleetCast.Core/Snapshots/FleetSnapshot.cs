namespace FleetCast.Core.Snapshots;

/// <summary>The immutable result of one model step: every reader (API, dashboard, stream) reads it,
/// nobody recomputes it. <see cref="DataTime"/> is the data's time, not the wall clock.</summary>
public sealed record FleetSnapshot(
    long Version,
    DateTimeOffset DataTime,
    DateTimeOffset ComputedAt,
    int StepSeconds,
    int HorizonSteps,
    string Forecaster,
    bool ForecasterIsModel,
    FleetSummary Summary,
    EnvironmentIndicators Environment,
    IReadOnlyList<ServerRow> Servers,
    IReadOnlyList<AlertView> Alerts);
