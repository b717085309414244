namespace FleetCast.Core.Metrics;

/// <summary>Everything the system knows about one metric: wire name, unit, valid range, kind.</summary>
/// <param name="HighIsBad">True when large values are the risk (false only for cpu_idle_pct).</param>
public sealed record MetricDefinition(
    Metric Id,
    string WireName,
    string DisplayName,
    string Unit,
    double Min,
    double? Max,
    MetricKind Kind,
    bool IsInteger,
    bool HighIsBad)
{
    public int Index => (int)Id;

    /// <summary>Returns null when the value is valid, otherwise a message saying why it is not.</summary>
    public string? Validate(double value)
    {
        if (!double.IsFinite(value))
        {
            return $"{WireName} must be a finite number.";
        }

        if (value < Min || (Max is { } max && value > max))
        {
            return Max is { } upper
                ? $"{WireName} must be between {Min} and {upper} {Unit}; got {value}."
                : $"{WireName} must be at least {Min}; got {value}.";
        }

        if (IsInteger && Math.Abs(value - Math.Round(value)) > 1e-9)
        {
            return $"{WireName} must be a whole number; got {value}.";
        }

        return null;
    }
}
