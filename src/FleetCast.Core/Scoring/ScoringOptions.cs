namespace FleetCast.Core.Scoring;

/// <summary>Constants of the risk formula (DESIGN.md section 5).</summary>
public sealed record ScoringOptions
{
    public double CurrentWeight { get; init; } = 0.7;

    public double PredictedWeight { get; init; } = 0.3;

    /// <summary>Near horizon used for predicted points: the first 12 steps (one hour at 5 min).</summary>
    public int NearHorizonSteps { get; init; } = 12;

    public static ScoringOptions Default { get; } = new();
}
