using FleetCast.Forecasting.Live;

namespace FleetCast.Server.Engine;

/// <summary>Picks at most a given number of servers for a shadow origin: every k-th server in name order,
/// starting at an offset that moves with each run, so over k runs every server is covered.</summary>
internal static class ShadowSample
{
    public static IReadOnlyList<LiveObservation> Take(List<LiveObservation> candidates, int max, long run)
    {
        candidates.Sort((a, b) => string.CompareOrdinal(a.Window.Server, b.Window.Server));
        if (candidates.Count <= max)
        {
            return candidates;
        }

        var stride = (candidates.Count + max - 1) / max;
        var offset = (int)(run % stride);
        var sample = new List<LiveObservation>(max);
        for (var i = offset; i < candidates.Count && sample.Count < max; i += stride)
        {
            sample.Add(candidates[i]);
        }

        return sample;
    }
}
