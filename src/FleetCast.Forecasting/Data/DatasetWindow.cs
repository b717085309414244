namespace FleetCast.Forecasting.Data;

/// <summary>One training/evaluation window: server <see cref="ServerIndex"/> of the dataset, look-back
/// steps (Origin − lookback, Origin] and horizon steps (Origin, Origin + horizon].</summary>
public readonly record struct DatasetWindow(int ServerIndex, int Origin);
