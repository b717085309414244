using System.Globalization;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;

namespace FleetCast.Server.Retraining;

/// <summary>Decides when forecast quality has degraded persistently: each new drift measurement (a new
/// <see cref="DriftStatus.MeasuredAt"/>) counts as degraded when enough metrics drifted significantly or the
/// serving model's live pinball is well above the best shadow baseline's; <see cref="RetrainingOptions.ConsecutiveMeasurements"/>
/// degraded measurements in a row make the verdict. Not thread-safe: one caller (the retraining service's loop).</summary>
public sealed class AutoRetrainTrigger(RetrainingOptions options)
{
    private DateTimeOffset? _lastMeasuredAt;

    /// <summary>Degraded measurements in a row so far.</summary>
    public int Consecutive { get; private set; }

    /// <summary>Why the newest measurement counted as degraded; null when it did not.</summary>
    public string? LastReason { get; private set; }

    /// <summary>Takes the latest report (a report seen before changes nothing); returns the reason to retrain once
    /// the degraded measurements in a row reach the configured number, else null.</summary>
    public string? Observe(ModelQualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Drift.MeasuredAt is not { } measuredAt || measuredAt == _lastMeasuredAt)
        {
            return Verdict();
        }

        _lastMeasuredAt = measuredAt;
        LastReason = Degraded(report);
        Consecutive = LastReason is null ? 0 : Consecutive + 1;
        return Verdict();
    }

    /// <summary>Starts counting afresh (after a job started).</summary>
    public void Reset() => Consecutive = 0;

    private string? Verdict() => Consecutive >= options.ConsecutiveMeasurements && LastReason is { } reason
        ? string.Create(CultureInfo.InvariantCulture, $"{reason} in {Consecutive} measurements in a row")
        : null;

    private string? Degraded(ModelQualityReport report)
    {
        if (report.Drift.Report is { } drift)
        {
            var drifted = drift.Metrics.Where(m => m.Status == "significant").Select(m => m.Metric).ToArray();
            if (drifted.Length >= options.DriftedMetrics)
            {
                return $"input drift: {drifted.Length} metrics with significant PSI ({string.Join(", ", drifted)})";
            }
        }

        if (options.LiveWorseThanBaseline > 0 && report.Shadow?.Accuracy is { Sufficient: true, ReferenceToBestBaseline: { } ratio } shadow
            && ratio >= options.LiveWorseThanBaseline)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"live accuracy: {shadow.Reference}'s live pinball is {ratio:0.00}× the best baseline's ({shadow.BestBaseline})");
        }

        return null;
    }
}
