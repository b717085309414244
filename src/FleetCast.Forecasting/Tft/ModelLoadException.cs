namespace FleetCast.Forecasting.Tft;

/// <summary>A model directory could not be used: missing files, unreadable metadata, or a data
/// contract (version, metric list, step length) that this build does not accept.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
