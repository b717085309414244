using FleetCast.Core.Forecasts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Thresholds;

namespace FleetCast.Core.Snapshots;

/// <summary>Incident indicators for 30 min and 8 h from the forecasts, using the one threshold table.</summary>
public static class EnvironmentIndicatorBuilder
{
    public static EnvironmentIndicators Build(IReadOnlyList<(ServerProfile Profile, ServerForecast? Forecast, double RiskScore)> servers, ThresholdTable table) =>
        throw new NotImplementedException("core-logic helper implements this");
}
