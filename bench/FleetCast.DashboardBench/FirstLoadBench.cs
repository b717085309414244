namespace FleetCast.DashboardBench;

/// <summary>Cold loads (a fresh browser context: empty cache) and warm loads (the same context loading
/// the page again: assets cached) to the first chart drawn.</summary>
internal static class FirstLoadBench
{
    public static async Task<(IReadOnlyList<LoadTiming> Cold, IReadOnlyList<LoadTiming> Warm)> RunAsync(BenchBrowser browser, int runs)
    {
        // One untimed load first: the server's first circuit pays for JIT and the browser's first context
        // for process start-up, which no user sees twice.
        await using (var warmUp = await browser.NewContextAsync())
        {
            await BenchBrowser.LoadAsync(await warmUp.NewPageAsync());
        }

        var cold = new List<LoadTiming>();
        var warm = new List<LoadTiming>();
        for (var run = 0; run < runs; run++)
        {
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            cold.Add(await BenchBrowser.LoadAsync(page));
            warm.Add(await BenchBrowser.LoadAsync(page));
        }

        return (cold, warm);
    }
}
