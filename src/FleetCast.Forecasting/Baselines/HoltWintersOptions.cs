namespace FleetCast.Forecasting.Baselines;

/// <summary>Smoothing parameters of <see cref="HoltWintersForecaster"/>. The level parameter is picked per
/// series from <see cref="AlphaGrid"/> by in-window one-step-ahead squared error; the others are fixed.</summary>
public sealed record HoltWintersOptions
{
    public IReadOnlyList<double> AlphaGrid { get; init; } = [0.1, 0.3, 0.6];

    /// <summary>Trend smoothing; small, because a day's trend should not chase noise.</summary>
    public double Beta { get; init; } = 0.01;

    /// <summary>Seasonal smoothing.</summary>
    public double Gamma { get; init; } = 0.1;

    /// <summary>Trend damping per step, so that 96-step extrapolations stay sane.</summary>
    public double Phi { get; init; } = 0.98;

    public static HoltWintersOptions Default { get; } = new();

    internal void Validate()
    {
        if (AlphaGrid is null || AlphaGrid.Count == 0 || AlphaGrid.Any(a => a is <= 0 or > 1))
        {
            throw new ArgumentException("AlphaGrid must hold at least one value in (0, 1].", nameof(AlphaGrid));
        }

        if (Beta is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "Beta must be in [0, 1].");
        }

        if (Gamma is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Gamma), Gamma, "Gamma must be in [0, 1].");
        }

        if (Phi is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Phi), Phi, "Phi must be in (0, 1].");
        }
    }
}
