namespace FleetCast.DashboardBench;

/// <summary>Cold loads (a fresh browser context: empty cache) and warm loads (the same context loading
/// the page again: assets cached) to the first chart drawn.</summary>
internal static class FirstLoadBench
{
    public static async Task<(IReadOnlyList<LoadTiming> Cold, IReadOnlyList<LoadTiming> Warm)> RunAsync(BenchBrowser browser, int runs)
    {
        // Untimed loads came first (ServerWarmUp): the server's JIT and the browser's process start-up.
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
