using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Baselines;

/// <summary>The value one day (288 steps at 5 minutes) earlier, with bands from its own empirical
/// h-step residual quantiles. With less than a day of history it falls back to the last value.</summary>
public sealed class SeasonalNaiveForecaster : BaselineForecaster
{
    /// <summary>Backtest origins before one full day are used only when too few seasonal origins exist.</summary>
    private const int MinSeasonalBacktestOrigins = 8;

    public SeasonalNaiveForecaster()
        : this(null)
    {
    }

    public SeasonalNaiveForecaster(BaselineOptions? options)
        : base(options)
    {
    }

    public override string Name => ForecasterCatalog.SeasonalNaive;

    public override int MinHistorySteps => 288;

    public override string Description =>
        "The value one day earlier (one day of steps at the data's step length); with less than a day of history, the last value.";

    /// <summary>True when this window is shorter than a day, so its forecast is the last value repeated.</summary>
    public static bool UsesLastValueFallback(ServerWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Length < SeasonSteps(window.StepSeconds);
    }

    protected override int FirstBacktestOrigin(int length, int seasonSteps) =>
        length - seasonSteps >= MinSeasonalBacktestOrigins ? seasonSteps - 1 : 0;

    protected override void ForecastFromOrigins(ReadOnlySpan<float> series, int seasonSteps, ReadOnlySpan<int> origins, int horizon,
        ReadOnlySpan<int> backtestLeads, Span<float> output)
    {
        var last = origins.Length - 1;
        for (var r = 0; r < origins.Length; r++)
        {
            var origin = origins[r];
            var row = output.Slice(r * horizon, horizon);
            if (origin + 1 < seasonSteps)
            {
                row.Fill(series[origin]);
                continue;
            }

            if (r < last)
            {
                // Backtest origins: only the leads whose residuals are read.
                foreach (var h in backtestLeads)
                {
                    row[h - 1] = series[SameTimeOfDay(origin, h, seasonSteps)];
                }

                continue;
            }

            for (var h = 1; h <= horizon; h++)
            {
                row[h - 1] = series[SameTimeOfDay(origin, h, seasonSteps)];
            }
        }
    }

    /// <summary>Same time of day in the latest observed day (several days back for leads beyond a day).</summary>
    private static int SameTimeOfDay(int origin, int lead, int seasonSteps)
    {
        var daysBack = (lead + seasonSteps - 1) / seasonSteps;
        return origin + lead - (daysBack * seasonSteps);
    }
}
