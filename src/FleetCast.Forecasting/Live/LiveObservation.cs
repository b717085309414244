using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Live;

/// <summary>One live server at one step: its current window (where matured actuals are read), the
/// forecast made from it (null when none), and when it last reported.</summary>
public readonly record struct LiveObservation(ServerWindow Window, ServerForecast? Forecast, DateTimeOffset LastSeen);
