namespace FleetCast.Forecasting.Baselines;

/// <summary>How a baseline estimates its bands from its own in-window backtest.</summary>
public sealed record BaselineOptions
{
    /// <summary>At most this many rolling origins inside the window are backtested (evenly spaced).</summary>
    public int MaxBacktestOrigins { get; init; } = 48;

    /// <summary>A lead needs at least this many backtest residuals for its own quantiles; longer leads
    /// without enough residuals extrapolate the last estimated lead by √(h / h_last).</summary>
    public int MinResidualsPerLead { get; init; } = 8;

    public static BaselineOptions Default { get; } = new();

    internal void Validate()
    {
        if (MaxBacktestOrigins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBacktestOrigins), MaxBacktestOrigins, "MaxBacktestOrigins must be at least 1.");
        }

        if (MinResidualsPerLead < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(MinResidualsPerLead), MinResidualsPerLead, "MinResidualsPerLead must be at least 2.");
        }
    }
}
