using System.Text;
using System.Threading.Channels;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Api;

/// <summary>GET /api/v1/stream: server-sent events, one small <c>snapshot</c> event per publish
/// ({version, dataTime}); clients fetch what they need. Heartbeat comments keep proxies from closing it.</summary>
public static class StreamEndpoints
{
    private const int QueueCapacity = 4;

    public static RouteHandlerBuilder MapStreamEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/stream", Stream).WithTags("Stream").WithName("Stream")
            .WithSummary("Server-sent events: `snapshot` with {version, dataTime} after each publish.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    internal static async Task Stream(HttpContext context, ISnapshotSource source, IOptions<FleetCastOptions> options)
    {
        var aborted = context.RequestAborted;
        var heartbeat = TimeSpan.FromSeconds(options.Value.Server.StreamHeartbeatSeconds);
        var channel = Channel.CreateBounded<PublishedSnapshot>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });

        // Register before reading the current snapshot so no publish falls between the two.
        using var subscription = source.Subscribe(s => channel.Writer.TryWrite(s));
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.WriteAsync(": fleetcast stream\n\n", aborted);
        await response.Body.FlushAsync(aborted);

        long lastSent = 0;
        if (source.Current is { } current)
        {
            lastSent = await SendAsync(response, current, lastSent, aborted);
        }

        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                wait.CancelAfter(heartbeat);
                try
                {
                    await channel.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await response.WriteAsync(": heartbeat\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }

                while (channel.Reader.TryRead(out var published))
                {
                    lastSent = await SendAsync(response, published, lastSent, aborted);
                }
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task<long> SendAsync(HttpResponse response, PublishedSnapshot published, long lastSent, CancellationToken cancellationToken)
    {
        var snapshot = published.Snapshot;
        if (snapshot.Version <= lastSent)
        {
            return lastSent;
        }

        var data = $"{{\"version\":{snapshot.Version},\"dataTime\":\"{snapshot.DataTime.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\"}}";
        await response.WriteAsync($"id: {snapshot.Version}\nevent: snapshot\ndata: {data}\n\n", Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        return snapshot.Version;
    }
}
