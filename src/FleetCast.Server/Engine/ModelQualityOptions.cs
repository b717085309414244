using FleetCast.Forecasting.Live;

namespace FleetCast.Server.Engine;

/// <summary>How the server scores matured forecasts and measures input drift.</summary>
public sealed record ModelQualityOptions
{
    public LiveScoreOptions Scoring { get; init; } = new();

    /// <summary>Newest steps of each live window binned for input drift (288 = one day at 5 min, so the
    /// daily rhythm is compared whole rather than one part of the day against the training's full days).</summary>
    public int DriftRecentSteps { get; init; } = 288;

    /// <summary>Input drift is re-measured every this many engine steps.</summary>
    public int DriftEverySteps { get; init; } = 12;

    /// <summary>Every this many steps the shadow baselines forecast the ready servers in the background; 0 = off.</summary>
    public int ShadowEverySteps { get; init; } = 12;

    /// <summary>Most servers per shadow origin (a rotating sample beyond that).</summary>
    public int ShadowMaxServers { get; init; } = 200;

    /// <summary>Linux nice value of the shadow forecasts' thread (0 = normal priority).</summary>
    public int ShadowNiceness { get; init; } = 10;

    /// <summary>The model directory whose <c>evaluation/report.json</c> is shown with the model; null when none.</summary>
    public string? ModelDir { get; init; }
}
