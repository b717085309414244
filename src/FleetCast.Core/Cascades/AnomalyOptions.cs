using FleetCast.Core.Metrics;

namespace FleetCast.Core.Cascades;

/// <summary>How <see cref="ServerAnomalyScorer"/> scores a server's newest values against its own recent past.</summary>
public sealed record AnomalyOptions
{
    public static AnomalyOptions Default { get; } = new();

    /// <summary>Values per metric in the rolling baseline (3 h at the default 5-minute step).</summary>
    public int BaselineSteps { get; init; } = 36;

    /// <summary>No score until the baseline holds this many values (a new server is never anomalous at once).</summary>
    public int MinBaselineSteps { get; init; } = 12;

    /// <summary>A value further than this many robust scales from the median enters the baseline clipped to
    /// that distance, so a lasting shift is absorbed over more than half the baseline instead of exactly half.
    /// (Measured on the simulator's cascade: it stays anomalous for about an hour after its ramp; a return to
    /// the old level after the baseline absorbed the shift is a new anomaly.)</summary>
    public double ClipScales { get; init; } = 3;

    /// <summary>Relative floor of the scale: a share of the median's magnitude, so a nearly constant metric
    /// does not turn every small wobble into a huge score.</summary>
    public double RelativeFloor { get; init; } = 0.05;

    /// <summary>Every problem with these options, naming the field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaselineSteps is < 4 or > 1000)
        {
            errors.Add($"{nameof(BaselineSteps)} must be between 4 and 1000; got {BaselineSteps}.");
        }

        if (MinBaselineSteps < 3 || MinBaselineSteps > BaselineSteps)
        {
            errors.Add($"{nameof(MinBaselineSteps)} must be at least 3 and at most {nameof(BaselineSteps)}; got {MinBaselineSteps}.");
        }

        if (!(ClipScales > 0))
        {
            errors.Add($"{nameof(ClipScales)} must be above 0; got {ClipScales}.");
        }

        if (!(RelativeFloor >= 0))
        {
            errors.Add($"{nameof(RelativeFloor)} must be at least 0; got {RelativeFloor}.");
        }

        return errors;
    }

    /// <summary>Absolute floor of the scale per metric, in the metric's unit: below it a change is too small to
    /// matter whatever the history (one percentage point, two connections, ...).</summary>
    public static double AbsoluteFloor(Metric metric) => metric switch
    {
        Metric.NetInMbS or Metric.NetOutMbS => 0.5,
        Metric.BackCloseWait or Metric.FrontCloseWait => 2,
        Metric.LoadAverage => 0.25,
        _ => 1,
    };

    /// <summary>Metrics scored: the symptoms of a server in trouble (cpu shares, java, memory, swap, CLOSE_WAIT
    /// connections, load). Not scored: network traffic and disk usage, which follow demand and schedules (batch
    /// windows, business hours, log rotation) across many servers at once; uptime, whose reset is a reboot; cpu
    /// idle, the complement of the busy shares.</summary>
    public static bool IsScored(Metric metric) =>
        metric is not (Metric.UptimeDays or Metric.CpuIdlePct or Metric.NetInMbS or Metric.NetOutMbS or Metric.DiskUsagePct);
}
