using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace FleetCast.DashboardBench;

/// <summary>A long run at a large fleet (issue 13): the in-process simulator plus servers ingested over HTTP,
/// concurrent readers of the API, and once a minute the server's resident memory and its live managed heap
/// (after an induced full collection, taken right after a step). A leak shows as a rising line; the report
/// fits one to the second half of the run, after the windows have filled.</summary>
internal static class SoakBench
{
    private const int Readers = 4;
    private static readonly TimeSpan IngestEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMinutes(1);

    public static async Task<string> RunAsync(string root, BenchOptions options, string commandLine)
    {
        Console.Error.WriteLine($"Starting fleetcast run --servers {options.Servers} --speed {options.Speed} for a {options.SoakMinutes}-minute soak …");
        await using var server = await ServerProcess.StartAsync(root, options.Servers, options.Speed);
        await using var clock = new SnapshotClock(server.BaseAddress);
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var counters = new Counters();
        var started = DateTime.UtcNow;
        var end = started + TimeSpan.FromMinutes(options.SoakMinutes);
        using var stop = new CancellationTokenSource();
        var load = new List<Task> { IngestAsync(http, options.Ingested, counters, stop.Token) };
        load.AddRange(Enumerable.Range(0, Readers).Select(i => ReadAsync(http, i, counters, stop.Token)));

        var rows = new List<Row>();
        var stepTimeout = TimeSpan.FromSeconds(Math.Max(90, (double)(5 / options.Speed)));
        while (true)
        {
            long? live;
            try
            {
                live = await LiveHeap.MeasureAfterStepsAsync(server, clock, readings: 1, stepTimeout);
            }
            catch (TimeoutException)
            {
                // No step within the timeout (a starved engine): the row says so instead of ending the soak.
                live = null;
                Interlocked.Increment(ref counters.StepTimeouts);
            }

            var rss = ProcessStats.Read(server.Pid).RssBytes;
            var servers = await TotalServersAsync(http);
            var row = new Row((DateTime.UtcNow - started).TotalMinutes, rss, live, servers, counters.Reads, counters.ReadErrors, counters.Ingested, counters.IngestErrors);
            rows.Add(row);
            Console.Error.WriteLine(row.ToLine());
            var next = DateTime.UtcNow + SampleEvery;
            if (next > end)
            {
                break;
            }

            await Task.Delay(next - DateTime.UtcNow);
        }

        await stop.CancelAsync();
        await Task.WhenAll(load);
        return Report(options, commandLine, rows, counters.ErrorsByRoute, counters.StepTimeouts);
    }

    private static async Task IngestAsync(HttpClient http, int servers, Counters counters, CancellationToken stop)
    {
        var random = new Random(7);
        while (!stop.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var samples = Enumerable.Range(0, servers).Select(i => new
            {
                server = $"ingest{i:0000}",
                timestamp = now,
                metrics = new Dictionary<string, double>
                {
                    ["cpu_user_pct"] = 20 + (random.NextDouble() * 20),
                    ["cpu_idle_pct"] = 60 + (random.NextDouble() * 10),
                    ["mem_used_pct"] = 40 + (random.NextDouble() * 30),
                    ["disk_usage_pct"] = 50,
                    ["load_average"] = random.NextDouble() * 4,
                },
            });
            try
            {
                using var response = await http.PostAsJsonAsync("api/v1/ingest", new { samples }, stop);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Add(ref counters.Ingested, servers);
                }
                else
                {
                    Interlocked.Increment(ref counters.IngestErrors);
                }

                await Task.Delay(IngestEvery, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref counters.IngestErrors);
            }
        }
    }

    private static async Task ReadAsync(HttpClient http, int reader, Counters counters, CancellationToken stop)
    {
        string[] routes = ["api/v1/fleet", "api/v1/status", "metrics", "api/v1/alerts", "api/v1/servers/ingest0001/summary"];
        var i = reader;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, routes[i++ % routes.Length]);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
                using var response = await http.SendAsync(request, stop);
                await response.Content.CopyToAsync(Stream.Null, stop);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref counters.Reads);
                }
                else
                {
                    Interlocked.Increment(ref counters.ReadErrors);
                    counters.ErrorsByRoute.AddOrUpdate($"{request.RequestUri} {(int)response.StatusCode}", 1, (_, n) => n + 1);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref counters.ReadErrors);
            }
        }
    }

    private static async Task<int> TotalServersAsync(HttpClient http)
    {
        using var fleet = JsonDocument.Parse(await http.GetStringAsync("api/v1/fleet"));
        return fleet.RootElement.GetProperty("summary").GetProperty("totalServers").GetInt32();
    }

    private static string Report(BenchOptions options, string commandLine, IReadOnlyList<Row> rows, IReadOnlyDictionary<string, int> errorsByRoute, long stepTimeouts)
    {
        const double mib = 1024.0 * 1024;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Soak: {options.SoakMinutes} min, {options.Servers} simulated + {options.Ingested} ingested servers");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{commandLine}`. Simulator at {options.Speed} steps/s; {options.Ingested} servers ingested over HTTP every {IngestEvery.TotalSeconds:0} s; {Readers} readers cycling fleet (br), status, metrics, alerts and one server's summary.");
        text.AppendLine();
        text.AppendLine("| minute | RSS (MiB) | live heap (MiB) | servers | reads ok | read errors | samples ingested | ingest errors |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Minute:0} | {r.Rss / mib:0} | {(r.LiveHeap is { } l ? (l / mib).ToString("0", CultureInfo.InvariantCulture) : "–")} | {r.Servers} | {r.Reads} | {r.ReadErrors} | {r.Ingested} | {r.IngestErrors} |");
        }

        var secondHalf = rows.Where(r => r.Minute >= rows[^1].Minute / 2).ToArray();
        if (secondHalf.Length >= 3)
        {
            var rss = LinearFit.Of(secondHalf.Select(r => (r.Minute / 60, r.Rss / mib)));
            var heap = secondHalf.Where(r => r.LiveHeap is not null).Select(r => (r.Minute / 60, r.LiveHeap!.Value / mib)).ToArray();
            text.AppendLine();
            var heapSlope = heap.Length >= 3 ? FormattableString.Invariant($", live heap {LinearFit.Of(heap).Slope:+0.0;-0.0} MiB/h.") : ".";
            text.AppendLine(CultureInfo.InvariantCulture, $"Second half (minute {secondHalf[0].Minute:0} on), least-squares slope: RSS {rss.Slope:+0.0;-0.0} MiB/h{heapSlope}");
        }

        if (stepTimeouts > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{stepTimeouts} readings found no engine step within the timeout (live heap –).");
        }

        if (errorsByRoute.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Read errors by route and status: " + string.Join(", ", errorsByRoute.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} ×{e.Value}")) + ".");
        }

        return text.ToString();
    }

    private sealed class Counters
    {
        public long Reads;
        public long ReadErrors;
        public long Ingested;
        public long IngestErrors;
        public long StepTimeouts;
        public readonly ConcurrentDictionary<string, int> ErrorsByRoute = new(StringComparer.Ordinal);
    }

    private sealed record Row(double Minute, long Rss, long? LiveHeap, int Servers, long Reads, long ReadErrors, long Ingested, long IngestErrors)
    {
        public string ToLine() => FormattableString.Invariant(
            $"minute {Minute:0.0}: RSS {Rss / 1048576.0:0} MiB, live heap {(LiveHeap is { } l ? (l / 1048576.0).ToString("0", CultureInfo.InvariantCulture) : "–")} MiB, {Servers} servers, reads {Reads} ({ReadErrors} errors), ingested {Ingested} ({IngestErrors} errors)");
    }
}
