namespace FleetCast.Server.Integrations.Sources;

/// <summary>Retry delay of a failing source: the first delay, doubled per further failure, capped.</summary>
public static class SourceBackoff
{
    public static TimeSpan Delay(int failures, TimeSpan first, TimeSpan max)
    {
        if (failures <= 1)
        {
            return first < max ? first : max;
        }

        // 2^30 × any first delay is far beyond any cap; stop doubling there.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = first.TotalMilliseconds * factor;
        return delay >= max.TotalMilliseconds ? max : TimeSpan.FromMilliseconds(delay);
    }
}
