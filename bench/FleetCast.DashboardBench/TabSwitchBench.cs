namespace FleetCast.DashboardBench;

/// <summary>Rounds of switching through every tab of one warm page, in tab-bar order.</summary>
internal static class TabSwitchBench
{
    public static async Task<IReadOnlyList<TabSwitchTiming>> RunAsync(BenchBrowser browser, int rounds, int serverPid)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await BenchBrowser.LoadAsync(page);
        var tabs = await TabSwitch.TabIdsAsync(page);
        var timings = new List<TabSwitchTiming>();
        // The first round is untimed: it JIT-compiles each tab's components on the server.
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var tab in tabs.Skip(1).Append(tabs[0]))
            {
                var timing = await TabSwitch.RunAsync(page, tab, serverPid);
                if (round > 0)
                {
                    timings.Add(timing);
                }
            }
        }

        return timings;
    }
}
