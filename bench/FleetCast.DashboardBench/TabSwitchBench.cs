namespace FleetCast.DashboardBench;

/// <summary>Rounds of switching through every tab of one warm page, in tab-bar order.</summary>
internal static class TabSwitchBench
{
    public static async Task<IReadOnlyList<TabSwitchTiming>> RunAsync(BenchBrowser browser, int rounds, int serverPid)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BenchBrowser.LoadAsync(page);
        var round = await TabSwitch.RoundAsync(page);
        var timings = new List<TabSwitchTiming>();
        // Untimed rounds came first (ServerWarmUp): they JIT-compile each tab's components on the server.
        for (var r = 0; r < rounds; r++)
        {
            foreach (var tab in round)
            {
                timings.Add(await TabSwitch.RunAsync(page, tab, serverPid));
            }
        }

        return timings;
    }
}
