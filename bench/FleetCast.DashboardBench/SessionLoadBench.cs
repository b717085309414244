using Microsoft.Playwright;

namespace FleetCast.DashboardBench;

/// <summary>Opens 0, then each requested number of concurrent dashboard pages (10 per browser context)
/// on the Overview tab and measures the server over <c>steps</c> engine steps at each level.</summary>
internal static class SessionLoadBench
{
    /// <summary>Why the last run stopped before its highest level, or null.</summary>
    public static string? StoppedAt { get; private set; }

    private const int PagesPerContext = 10;
    private const int OpenConcurrency = 5;
    private const int LiveHeapReadings = 3;

    public static async Task<IReadOnlyList<SessionLevel>> RunAsync(BenchBrowser browser, ServerProcess server, SnapshotClock clock, IReadOnlyList<int> levels, int steps, TimeSpan stepTimeout)
    {
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var results = new List<SessionLevel>();
        try
        {
            foreach (var level in levels.Prepend(0))
            {
                try
                {
                    await OpenUpToAsync(browser, contexts, pages, level);
                }
                catch (Exception e) when (e is TimeoutException or PlaywrightException)
                {
                    // The machine cannot open more pages in time: report the levels measured so far.
                    Console.Error.WriteLine($"  stopped at {pages.Count} pages: {e.Message.Split('\n')[0]}");
                    StoppedAt = $"Opening page {pages.Count + 1} of {level} failed ({e.Message.Split('\n')[0]}); the levels above were measured.";
                    break;
                }

                // The first level waits longer: right after start-up the server still JIT-compiles and settles.
                await clock.WaitForStepsAsync(level == 0 ? 10 : 2, stepTimeout * 10);
                await Task.WhenAll(pages.Select(UpdateDelays.ResetAsync));
                var before = ProcessStats.Read(server.Pid);
                var serverDelaysBefore = await server.UpdateDelayHistogramAsync();
                var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                using var sampling = new CancellationTokenSource();
                var rssSamples = SampleAsync(() => Task.FromResult<long?>(ProcessStats.Read(server.Pid).RssBytes), TimeSpan.FromMilliseconds(500), sampling.Token);
                // A /metrics scrape each, so less often.
                var heapSamples = SampleAsync(server.ManagedHeapBytesAsync, TimeSpan.FromSeconds(2), sampling.Token);
                await clock.WaitForStepsAsync(steps, stepTimeout * steps);
                var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                var after = ProcessStats.Read(server.Pid);
                var serverDelays = (await server.UpdateDelayHistogramAsync()).Since(serverDelaysBefore);
                await sampling.CancelAsync();
                var rss = Median(await rssSamples);
                var heap = await heapSamples is { Count: > 0 } heaps ? Median(heaps) : 0;
                var loadAverage = string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
                // After the measured steps: the induced collections pause the server for a moment.
                var live = await LiveHeap.MeasureAfterStepsAsync(server, clock, LiveHeapReadings, stepTimeout);
                await Task.Delay(TimeSpan.FromSeconds(2));
                var updates = await Task.WhenAll(pages.Select(p => UpdateDelays.CollectAsync(p, clock, start, end)));
                var level0 = new SessionLevel(
                    level,
                    await server.DashboardSessionsAsync(),
                    ProcessStats.CpuPercent(before, after),
                    rss,
                    heap,
                    live,
                    new Percentiles(updates.SelectMany(u => u.DelaysMs)),
                    updates.Sum(u => u.Missed),
                    serverDelays,
                    loadAverage);
                results.Add(level0);
                Console.Error.WriteLine($"  {level} pages: server CPU {level0.CpuPercent:F0} %, RSS {level0.RssBytes / 1048576.0:F0} MiB, live heap {level0.LiveHeapBytes / 1048576.0:F0} MiB, delay p95 {level0.Delays.P95:F0} ms (server's share {level0.ServerDelays.Quantile(0.95) * 1000:F0} ms)");
            }
        }
        finally
        {
            foreach (var context in contexts)
            {
                await context.DisposeAsync();
            }
        }

        return results;
    }

    /// <summary>Calls <paramref name="read"/> every <paramref name="period"/> until cancelled and keeps the
    /// values it returns: one reading of memory lands anywhere between two garbage collections (tens of
    /// MiB apart), the median of a level's readings does not.</summary>
    private static async Task<List<long>> SampleAsync(Func<Task<long?>> read, TimeSpan period, CancellationToken cancel)
    {
        var samples = new List<long>();
        using var timer = new PeriodicTimer(period);
        try
        {
            do
            {
                if (await read() is { } value)
                {
                    samples.Add(value);
                }
            }
            while (await timer.WaitForNextTickAsync(cancel));
        }
        catch (OperationCanceledException)
        {
            // The level's steps are over.
        }

        return samples;
    }

    private static long Median(List<long> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static async Task OpenUpToAsync(BenchBrowser browser, List<IBrowserContext> contexts, List<IPage> pages, int level)
    {
        while (pages.Count < level)
        {
            var batch = Math.Min(OpenConcurrency, level - pages.Count);
            var opening = new List<Task<IPage>>();
            for (var i = 0; i < batch; i++)
            {
                if ((pages.Count + i) % PagesPerContext == 0)
                {
                    contexts.Add(await browser.NewContextAsync());
                }

                opening.Add(OpenAsync(contexts[^1]));
            }

            pages.AddRange(await Task.WhenAll(opening));
            Console.Error.WriteLine($"  {pages.Count} pages open");
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await BenchBrowser.LoadAsync(page);
        return page;
    }
}
