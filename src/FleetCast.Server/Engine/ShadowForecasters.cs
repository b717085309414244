using FleetCast.Forecasting;

namespace FleetCast.Server.Engine;

/// <summary>The baselines scored in shadow against the serving forecaster (<see cref="ModelQualityTracker"/>).</summary>
public sealed class ShadowForecasters(IReadOnlyList<IForecaster> forecasters)
{
    public static ShadowForecasters None { get; } = new([]);

    public IReadOnlyList<IForecaster> All { get; } = forecasters;
}
