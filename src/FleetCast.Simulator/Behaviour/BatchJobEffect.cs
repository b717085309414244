namespace FleetCast.Simulator.Behaviour;

/// <summary>What a nightly batch job adds at full intensity (percentage points, load units,
/// network multipliers).</summary>
internal sealed record BatchJobEffect(double CpuUser, double Iowait, double Load, double NetInFactor, double NetOutFactor);
