namespace FleetCast.DashboardBench;

/// <summary>Snapshot-to-display delay on one page of the Overview tab (both charts and the alert table
/// update with every snapshot).</summary>
internal static class DisplayDelayBench
{
    public static async Task<PageUpdates> RunAsync(BenchBrowser browser, SnapshotClock clock, int steps, TimeSpan stepTimeout)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BenchBrowser.LoadAsync(page);
        await clock.WaitForStepsAsync(1, stepTimeout);
        await UpdateDelays.ResetAsync(page);
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await clock.WaitForStepsAsync(steps, stepTimeout * steps);
        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.Delay(TimeSpan.FromSeconds(2));
        return await UpdateDelays.CollectAsync(page, clock, start, end);
    }
}
