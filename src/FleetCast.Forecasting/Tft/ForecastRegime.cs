namespace FleetCast.Forecasting.Tft;

/// <summary>The regime of one metric at the end of a window's look-back (see <see cref="CriticalRegime"/>), which
/// picks the calibration shifts its forecast gets.</summary>
public enum ForecastRegime : byte
{
    /// <summary>The newest reported value is short of the critical threshold.</summary>
    Normal,

    /// <summary>The newest reported value is at or beyond the critical threshold.</summary>
    Critical,

    /// <summary>The newest <see cref="CriticalRegime.SustainedSteps"/> reported values all are.</summary>
    SustainedCritical,
}
