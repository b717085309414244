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

    /// <summary>For an open-ended metric (no <see cref="Max"/>), the largest value any real host reports
    /// (800 Gb/s of traffic, ten million connections, a load of 100,000, a century of uptime): above it a
    /// sample is a broken agent or a unit mix-up, and is rejected. Validation only: forecasts and scaling
    /// still treat the metric as open-ended.</summary>
    public double? PlausibleMax { get; init; }

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

        if (PlausibleMax is { } plausible && value > plausible)
        {
            return $"{WireName} must be at most {plausible} {Unit} (no real host reports more; check the agent's units); got {value}.";
        }

        if (IsInteger && Math.Abs(value - Math.Round(value)) > 1e-9)
        {
            return $"{WireName} must be a whole number; got {value}.";
        }

        return null;
    }
}
