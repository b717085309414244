namespace FleetCast.Forecasting.Live;

/// <summary>Shadow scoring: the serving forecaster and the baselines forecast the same servers from the
/// same origins, and their matured forecasts are scored on the same points, so their scores compare directly.</summary>
/// <param name="Reference">The serving forecaster the others are compared with; null when none is known.</param>
/// <param name="BestBaseline">The other forecaster with the lowest pinball; null before any has matured.</param>
/// <param name="ReferenceToBestBaseline">The reference's pinball divided by the best baseline's (below 1: the
/// reference is better); null until both have matured points.</param>
/// <param name="Sufficient">Both the reference and the best baseline have enough matured points.</param>
public sealed record LiveShadowReport(
    string? Reference,
    IReadOnlyList<LiveShadowForecaster> Forecasters,
    string? BestBaseline,
    double? ReferenceToBestBaseline,
    bool Sufficient)
{
    public static LiveShadowReport Empty { get; } = new(null, [], null, null, false);
}

/// <summary>One forecaster's shadow score over all horizon steps; null where nothing has matured.</summary>
/// <param name="IsReference">This is the serving forecaster.</param>
/// <param name="MaturedPoints">Scored (server, metric, origin, step) points.</param>
/// <param name="PinballMean">Mean p10/p50/p90 pinball on look-back-normalised values, as in the live and held-out scores.</param>
/// <param name="Coverage80">Share of actual values inside [p10, p90].</param>
/// <param name="ReferenceRatio">The reference's pinball divided by this one's; null for the reference itself.</param>
public sealed record LiveShadowForecaster(
    string Name,
    bool IsReference,
    long MaturedPoints,
    bool Sufficient,
    double? PinballMean,
    double? Coverage80,
    double? ReferenceRatio);
