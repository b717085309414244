using FleetCast.Core.Forecasts;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Assessment;

/// <summary>What one server brings to a step's assessment.</summary>
/// <param name="Current">Latest value per catalog metric; NaN = not observed.</param>
/// <param name="Forecast">Null when the server has too little history for any forecast.</param>
/// <param name="Ready">False while the server still fills its look-back (warm-up): it raises no alert.</param>
public sealed record AssessmentInput(string Server, ServerProfile Profile, double[] Current, ServerForecast? Forecast, bool Ready);
