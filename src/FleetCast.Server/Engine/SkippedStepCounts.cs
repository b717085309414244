namespace FleetCast.Server.Engine;

/// <summary>Data steps the engine did not compute (it computes the newest step and does not catch up).</summary>
/// <param name="Total">Since the process started.</param>
/// <param name="LastHour">In the last hour of wall-clock time (to the minute).</param>
public readonly record struct SkippedStepCounts(long Total, long LastHour);
