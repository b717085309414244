namespace FleetCast.Core.Alerts;

/// <summary>How sure an alert is: already over the threshold now, likely (p50 crosses) or possible (only p90 crosses).</summary>
public enum AlertLikelihood
{
    Now,
    Likely,
    Possible,
}
