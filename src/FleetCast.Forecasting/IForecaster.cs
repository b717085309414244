using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting;

/// <summary>Forecasts a batch of servers at once: per server, per metric, per step, quantiles p10/p50/p90.</summary>
public interface IForecaster
{
    /// <summary>Name on the wire: "tft", "linear-trend", "seasonal-naive", "holt-winters".</summary>
    string Name { get; }

    /// <summary>True for a trained model, false for a baseline (so the UI can label it honestly).</summary>
    bool IsModel { get; }

    /// <summary>Steps of history needed for this forecaster's full quality; shorter windows are the caller's to route elsewhere.</summary>
    int MinHistorySteps { get; }

    /// <summary>One forecast per window, in the same order. Quantiles are <see cref="ServerForecast.StandardQuantiles"/> at least.</summary>
    IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default);
}
