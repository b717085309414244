namespace FleetCast.Forecasting.Evaluation;

/// <summary>Replays one server + metric's per-origin alert candidates through the live alert lifecycle's
/// counts (<see cref="Core.Alerts.AlertTracker"/>): an alert fires once the candidate was found in
/// <c>fireAfter</c> consecutive evaluations and keeps firing until <c>resolveAfter</c> consecutive
/// evaluations did not find it.</summary>
internal static class AlertLifecycleReplay
{
    /// <param name="found">Per evaluation (origin), whether the rule found the candidate.</param>
    /// <param name="firing">Written: per evaluation, whether the alert is firing after it.</param>
    public static void Replay(ReadOnlySpan<bool> found, int fireAfter, int resolveAfter, Span<bool> firing)
    {
        if (firing.Length != found.Length)
        {
            throw new ArgumentException($"firing has {firing.Length} entries; found has {found.Length}.", nameof(firing));
        }

        var on = false;
        var sightings = 0;
        var misses = 0;
        for (var k = 0; k < found.Length; k++)
        {
            if (found[k])
            {
                misses = 0;
                sightings++;
                on |= sightings >= fireAfter;
            }
            else
            {
                sightings = 0;
                if (on && ++misses >= resolveAfter)
                {
                    on = false;
                    misses = 0;
                }
            }

            firing[k] = on;
        }
    }
}
