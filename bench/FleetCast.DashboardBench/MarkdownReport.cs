using System.Globalization;
using System.Text;

namespace FleetCast.DashboardBench;

/// <summary>The benchmark's results as Markdown tables.</summary>
internal sealed class MarkdownReport
{
    private readonly StringBuilder _text = new();

    public MarkdownReport(BenchOptions options, string commandLine)
    {
        Line($"# Dashboard benchmark, {options.Servers:N0} servers");
        Line();
        Line($"`{commandLine}` — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average at start {LoadAverage()}, headless Chromium (1440×900). First loads and tab switches against a server stepping at `--speed {options.BrowserSpeed.ToString(CultureInfo.InvariantCulture)}` (steps per second), snapshot-to-display and sessions at `--speed {options.Speed.ToString(CultureInfo.InvariantCulture)}`. Before first loads and tab switches are timed, one page goes {ServerWarmUp.Rounds} times through every tab, untimed (the server's JIT warm-up; \"cold\" below means the browser's cache, not the server).");
        Line();
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    public void FirstLoad(IReadOnlyList<LoadTiming> cold, IReadOnlyList<LoadTiming> warm)
    {
        Line("## First load (navigation start → first chart drawn, page clock)");
        Line();
        Line("| load | runs | interactive (panel ready) p50 | first chart p50 | first chart p95 | first chart max | transferred (HTTP) | target |");
        Line("|---|---|---|---|---|---|---|---|");
        LoadRow("cold (fresh context, empty cache)", cold, "< 1,000 ms");
        LoadRow("warm (same context, cached assets)", warm, "< 500 ms");
        Line();
    }

    public void TabSwitches(IReadOnlyList<TabSwitchTiming> timings)
    {
        Line("## Tab switch (click → panel ready → charts in the window drawn = updated page; all charts drawn, page clock)");
        Line();
        Line("Charts below the window are drawn when the browser is idle or when they scroll near it (docs/dashboard.md), so \"updated page\" is the page as the user sees it after the click, and \"all charts\" is when the last chart below the window was drawn too.");
        Line("CPU columns: mean CPU time per switch of the server process (including any engine step that fell inside) and of the browser (all Chromium processes and the Playwright driver), from /proc at 10 ms resolution; unlike the times they hardly depend on what else runs on the machine.");
        Line();
        Line("| tab | switches | charts (in window) | panel ready p50 | updated page p50 | updated page p95 | updated page max | all charts p50 | server CPU | browser CPU |");
        Line("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in timings.GroupBy(t => t.Tab))
        {
            var panel = new Percentiles(group.Select(t => t.PanelMs));
            var updated = new Percentiles(group.Select(t => t.UpdatedMs));
            var allCharts = new Percentiles(group.Select(t => t.AllChartsMs));
            Line($"| {group.Key} | {updated.Count} | {group.Max(t => t.Charts)} ({group.Max(t => t.ChartsInWindow)}) | {Ms(panel.P50)} | {Ms(updated.P50)} | {Ms(updated.P95)} | {Ms(updated.Max)} | {Ms(allCharts.P50)} | {Ms(group.Average(t => t.ServerCpuMs))} | {Ms(group.Average(t => t.BrowserCpuMs))} |");
        }

        var everyPanel = new Percentiles(timings.Select(t => t.PanelMs));
        var every = new Percentiles(timings.Select(t => t.UpdatedMs));
        var everyChart = new Percentiles(timings.Select(t => t.AllChartsMs));
        Line($"| **all** (target p95 < 100 ms) | {every.Count} | | {Ms(everyPanel.P50)} | {Ms(every.P50)} | **{Ms(every.P95)}** | {Ms(every.Max)} | {Ms(everyChart.P50)} (p95 {Ms(everyChart.P95)}) | {Ms(timings.Average(t => t.ServerCpuMs))} | {Ms(timings.Average(t => t.BrowserCpuMs))} |");
        Line();
    }

    public void DisplayDelay(PageUpdates updates)
    {
        var delays = new Percentiles(updates.DelaysMs);
        Line("## Snapshot to display (one page, Overview; publish → header shows the new data time)");
        Line();
        Line("| snapshots | p50 | p95 | max | not shown |");
        Line("|---|---|---|---|---|");
        Line($"| {delays.Count} | {Ms(delays.P50)} | {Ms(delays.P95)} | {Ms(delays.Max)} | {updates.Missed} |");
        Line();
    }

    public void Sessions(IReadOnlyList<SessionLevel> levels, int steps, string? stoppedAt)
    {
        Line($"## Concurrent sessions (Overview pages, 10 per browser context, {steps} steps per level)");
        Line();
        Line("Server process only. Chromium (the simulated users) runs on the same two cores at a lower priority (nice +9 relative to the server) and is not counted; its load shows in the load average. CPU in % of one core; RSS is the median of readings every 0.5 s over the level's steps; memory per session = (RSS with N − RSS with 0) / N; the managed heap (`dotnet_total_memory_bytes` on /metrics, median of scrapes every 2 s) counts what .NET has allocated and not yet collected, without the runtime's and libtorch's native memory; the live heap is the managed heap right after a full collection induced just after an engine step at the end of the level (`LiveHeap`, smallest of 3), i.e. what the server and its sessions really hold. Resident memory per session is only a rough figure: glibc keeps freed memory until the process passes the native-heap budget (1,400 MiB, docs/model.md).");
        if (stoppedAt is not null)
        {
            Line();
            Line($"**Stopped early:** {stoppedAt}");
        }
        Line();
        Line("| pages | circuits (server's count) | server CPU | server RSS | memory per session (RSS) | managed heap (median) | live heap | live heap per session | update delay p50 | p95 | max | updates not shown | server's share p50 | p95 (updates sent) | load average |");
        Line("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var baseline = levels[0];
        foreach (var level in levels)
        {
            var perSession = level.Pages == 0 ? "—" : Kb((level.RssBytes - baseline.RssBytes) / (double)level.Pages);
            var livePerSession = level.Pages == 0 || level.LiveHeapBytes is not { } live || baseline.LiveHeapBytes is not { } live0 ? "—" : Kb((live - live0) / (double)level.Pages);
            var liveHeap = level.LiveHeapBytes is { } bytes ? Mb(bytes) : "—";
            Line($"| {level.Pages} | {level.Circuits} | {level.CpuPercent:F0} % | {Mb(level.RssBytes)} | {perSession} | {Mb(level.ManagedHeapBytes)} | {liveHeap} | {livePerSession} | {Ms(level.Delays.P50)} | {Ms(level.Delays.P95)} | {Ms(level.Delays.Max)} | {level.Missed} | {Ms(level.ServerDelays.Quantile(0.5) * 1000)} | {Ms(level.ServerDelays.Quantile(0.95) * 1000)} ({level.ServerDelays.Count:N0}) | {level.LoadAverage} |");
        }

        if (levels.Count >= 3)
        {
            var cpu = LinearFit.Of(levels.Select(l => ((double)l.Pages, l.CpuPercent)));
            var rss = LinearFit.Of(levels.Select(l => ((double)l.Pages, (double)l.RssBytes)));
            var measuredLive = levels.Where(l => l.LiveHeapBytes is not null).ToArray();
            var live = measuredLive.Length >= 2 ? LinearFit.Of(measuredLive.Select(l => ((double)l.Pages, (double)l.LiveHeapBytes!.Value))) : null;
            var loaded = levels.Where(l => l.Pages > 0 && l.Delays.Count > 0).ToArray();
            var p95 = loaded.Length >= 2 ? LinearFit.Of(loaded.Select(l => ((double)l.Pages, l.Delays.P95))) : null;
            var sent = levels.Where(l => l.Pages > 0 && l.ServerDelays.Count > 0).ToArray();
            var serverP95 = sent.Length >= 2 ? LinearFit.Of(sent.Select(l => ((double)l.Pages, l.ServerDelays.Quantile(0.95) * 1000))) : null;
            Line($"| **500 (extrapolated, linear fit)** | | *{cpu.At(500):F0} %* | *{Mb(rss.At(500))}* | *{Kb(rss.Slope)}* (fit slope) | | {(live is null ? "—" : $"*{Mb(live.At(500))}*")} | {(live is null ? "—" : $"*{Kb(live.Slope)}* (fit slope)")} | | *{(p95 is null ? "—" : Ms(p95.At(500)))}* (p95 fit) | | | | *{(serverP95 is null ? "—" : Ms(serverP95.At(500)))}* (p95 fit) | |");
            Line();
            Line($"The 500 row is **extrapolated** from the measured rows by least squares (CPU {cpu.Slope:F2} %/page, resident memory {Kb(rss.Slope)}/page{(live is null ? string.Empty : $", live heap {Kb(live.Slope)}/page")}); it is not a measurement. A CPU figure above 200 % means two cores would not keep up.");
            Line();
            Line("The server's share is the server's own histogram (`fleetcast_dashboard_update_seconds`): for every update a page showed live, the time from the snapshot's publication until that session's render was handed to its connection; the rest of the update delay is the network and the page's browser, which here are the same two cores. Quantiles are estimated from the histogram's buckets (factor 1.5 apart), as Prometheus' histogram_quantile does.");
        }

        Line();
    }

    public override string ToString() => _text.ToString();

    private void LoadRow(string name, IReadOnlyList<LoadTiming> runs, string target)
    {
        var panel = new Percentiles(runs.Select(r => r.PanelMs));
        var chart = new Percentiles(runs.Select(r => r.ChartMs));
        var bytes = new Percentiles(runs.Select(r => r.TransferredBytes));
        Line($"| {name} | {chart.Count} | {Ms(panel.P50)} | **{Ms(chart.P50)}** | {Ms(chart.P95)} | {Ms(chart.Max)} | {Kb(bytes.P50)} | {target} |");
    }

    private static string Ms(double ms) => double.IsNaN(ms) ? "—" : ms.ToString("N0", CultureInfo.InvariantCulture) + " ms";

    private static string Kb(double bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KiB";

    private static string Mb(double bytes) => (bytes / 1048576).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    private void Line(string text = "") => _text.AppendLine(text);
}
