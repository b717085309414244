using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace FleetCast.DashboardBench;

/// <summary>The server's live managed heap: a full, blocking garbage collection is induced through the
/// runtime's diagnostics port (an EventPipe session with the GC-heap-collect keyword, as dotnet-gcdump
/// does), then the heap in use right after it is read from /metrics (<c>fleetcast_gc_live_heap_bytes</c>).
/// Unlike a plain reading of the heap, this leaves out the garbage not yet collected, which moves by
/// tens of MiB between collections and hid the memory of the sessions in earlier runs. Null when no new
/// full collection was seen.</summary>
internal static class LiveHeap
{
    private const long GcHeapCollectKeyword = 0x800000;

    /// <summary>The smallest of <paramref name="readings"/> live-heap readings, each taken right after an
    /// engine step was published: a collection in the middle of a step would count that step's windows
    /// and forecasts (tens of MiB) as well.</summary>
    public static async Task<long?> MeasureAfterStepsAsync(ServerProcess server, SnapshotClock clock, int readings, TimeSpan stepTimeout)
    {
        long? smallest = null;
        for (var i = 0; i < readings; i++)
        {
            await clock.WaitForStepsAsync(1, stepTimeout);
            if (await MeasureAsync(server) is { } bytes && (smallest is null || bytes < smallest))
            {
                smallest = bytes;
            }
        }

        return smallest;
    }

    private static async Task<long?> MeasureAsync(ServerProcess server)
    {
        var (_, before) = await server.LiveHeapAfterFullGcAsync();
        var client = new DiagnosticsClient(server.Pid);
        var provider = new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword);
        using (var session = client.StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 16))
        {
            // The collection runs when the session starts; its events are not needed, but the stream is
            // drained so that the runtime never waits on a full buffer.
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await session.StopAsync(CancellationToken.None);
            await drain;
        }

        var (bytes, after) = await server.LiveHeapAfterFullGcAsync();
        return after is not null && after != before ? bytes : null;
    }
}
