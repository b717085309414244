using FleetCast.Core.Alerts;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;

namespace FleetCast.Forecasting.Evaluation;

/// <summary>The live alert rule as the evaluator sees it: a window and its forecast in, candidates out.</summary>
public delegate IReadOnlyList<AlertCandidate> AlertFunction(ServerWindow window, ServerForecast forecast);
