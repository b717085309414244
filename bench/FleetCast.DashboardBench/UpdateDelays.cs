using System.Text.Json;
using Microsoft.Playwright;

namespace FleetCast.DashboardBench;

/// <summary>Snapshot-to-display delays: for every snapshot published inside a window, the time from its
/// publication (its server-sent event) to the moment a page's header showed its data time.</summary>
internal static class UpdateDelays
{
    /// <summary>Forgets what the page has shown so far (its current data time stays as the baseline).</summary>
    public static Task ResetAsync(IPage page) =>
        page.EvaluateAsync("() => { const p = window.__fleetcastProbe; p.dataTimes = p.dataTimes.slice(-1); }");

    public static async Task<PageUpdates> CollectAsync(IPage page, SnapshotClock clock, long windowStartMs, long windowEndMs)
    {
        var shown = await page.EvaluateAsync<JsonElement>("() => window.__fleetcastProbe.dataTimes");
        var shownAt = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in shown.EnumerateArray())
        {
            shownAt.TryAdd(entry.GetProperty("text").GetString() ?? string.Empty, (long)entry.GetProperty("at").GetDouble());
        }

        var delays = new List<double>();
        var missed = 0;
        foreach (var (dataTime, publishedAt) in clock.Published)
        {
            if (publishedAt < windowStartMs || publishedAt > windowEndMs)
            {
                continue;
            }

            if (shownAt.TryGetValue(dataTime, out var at))
            {
                delays.Add(at - publishedAt);
            }
            else
            {
                missed++;
            }
        }

        return new PageUpdates(delays, missed);
    }
}
