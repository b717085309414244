using System.Collections.Concurrent;
using System.Text.Json;

namespace FleetCast.DashboardBench;

/// <summary>Listens to GET /api/v1/stream and records when each snapshot was published (the moment its
/// server-sent event arrives on loopback), keyed by data time in the header's format.</summary>
internal sealed class SnapshotClock : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _publishedAt = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;
    private readonly Task _listening;
    private int _count;

    public SnapshotClock(Uri baseAddress)
    {
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _listening = ListenAsync();
    }

    /// <summary>Snapshots seen since the clock started.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Wall time (Unix ms) at which the snapshot with this header data time was published.</summary>
    public bool TryGetPublishedAt(string headerDataTime, out long unixMs) => _publishedAt.TryGetValue(headerDataTime, out unixMs);

    public IReadOnlyDictionary<string, long> Published => _publishedAt;

    /// <summary>Waits until <paramref name="count"/> more snapshots have been published.</summary>
    public async Task WaitForStepsAsync(int count, TimeSpan timeout)
    {
        var target = Count + count;
        var deadline = DateTime.UtcNow + timeout;
        while (Count < target)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {Count - target + count} of {count} snapshots were published within {timeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(50);
        }
    }

    private async Task ListenAsync()
    {
        try
        {
            using var response = await _http.GetAsync("api/v1/stream", HttpCompletionOption.ResponseHeadersRead, _stop.Token);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token));
            // The first event replays the snapshot current at connect time, not a publish.
            var replay = true;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                if (replay)
                {
                    replay = false;
                    continue;
                }

                using var json = JsonDocument.Parse(line["data: ".Length..]);
                var dataTime = json.RootElement.GetProperty("dataTime").GetString() ?? string.Empty;
                // "2026-11-28T14:05:00Z" as the header shows it: "2026-11-28 14:05:00 UTC".
                var header = dataTime.Replace('T', ' ').Replace("Z", " UTC", StringComparison.Ordinal);
                if (_publishedAt.TryAdd(header, at))
                {
                    Interlocked.Increment(ref _count);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _listening;
        }
        catch (HttpRequestException)
        {
            // The server went first.
        }
        catch (IOException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }
}
