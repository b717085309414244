using FleetCast.Core.Forecasts;
using FleetCast.Core.Snapshots;
using FleetCast.Core.Windows;

namespace FleetCast.Server.Engine;

/// <summary>Everything about one server at one step: its row, its window (history) and full forecast.</summary>
public sealed record ServerDetail(ServerRow Row, ServerWindow Window, ServerForecast? Forecast)
{
    /// <summary>Steps of <see cref="Window"/> that hold at least one real sample (the newest ones).</summary>
    public int FilledSteps { get; init; }
}
