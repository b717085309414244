namespace FleetCast.DashboardBench;

/// <summary>Untimed rounds through every tab and a few page loads before anything is timed: a freshly
/// started server runs its first requests as unoptimised code and recompiles the busy methods in the
/// background for a while (tiered JIT), which a dashboard that has served for a day no longer does.</summary>
internal static class ServerWarmUp
{
    public const int Rounds = 5;

    public static async Task RunAsync(BenchBrowser browser)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        for (var round = 0; round < Rounds; round++)
        {
            await BenchBrowser.LoadAsync(page);
            foreach (var tab in await TabSwitch.RoundAsync(page))
            {
                await TabSwitch.RunAsync(page, tab, serverPid: null);
            }
        }
    }
}
