using System.Text.Json;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Api;

/// <summary>Routes of the Python system FleetCast replaces, in its exact snake_case shapes, so existing
/// integrations move over unchanged (shared/REFERENCE.md "Compatibility shapes"). POST /feed/data is in
/// <see cref="IngestEndpoints"/>.</summary>
public static class CompatEndpoints
{
    public static IEndpointRouteBuilder MapCompatEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Compatibility");
        group.MapGet("/predictions/current", Predictions).WithName("CompatPredictions")
            .WithSummary("Old shape: every server's full quantile forecasts, alerts, environment, summary (snake_case).");
        group.MapGet("/alerts/active", ActiveAlerts).WithName("CompatActiveAlerts");
        group.MapGet("/health", () => TypedResults.Json(new { status = "healthy", service = "fleetcast", running = true })).WithName("CompatHealth");
        group.MapGet("/status", Status).WithName("CompatStatus");
        return app;
    }

    internal static async Task<IResult> Predictions(ISnapshotSource source, CompatPredictionsCache cache, CancellationToken cancellationToken)
    {
        if (source.Current is not { } current)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        var body = await cache.GetAsync(current, cancellationToken);
        return new EncodedBody(body.Json, body.Gzip, null, body.ETag);
    }

    internal static IResult ActiveAlerts(ISnapshotSource source, TimeProvider time)
    {
        var snapshot = source.Current?.Snapshot;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", snapshot?.DataTime ?? time.GetUtcNow());
            writer.WriteNumber("count", snapshot?.Alerts.Count ?? 0);
            writer.WriteStartArray("alerts");
            foreach (var alert in snapshot?.Alerts ?? [])
            {
                CompatPredictionsWriter.WriteAlert(writer, alert, snapshot!.StepSeconds);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
    }

    internal static IResult Status(ISnapshotSource source, IOptions<FleetCastOptions> options)
    {
        var snapshot = source.Current?.Snapshot;
        var lookback = options.Value.Forecast.LookbackSteps;
        var rows = snapshot?.Servers ?? [];
        var progress = rows.Count == 0 ? 0 : rows.Average(r => r.WarmupProgress) * 100;
        var warmedUp = rows.Count > 0 && rows.All(r => r.Ready);
        var ready = rows.Count(r => r.Ready);
        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["running"] = true,
            ["tick_count"] = snapshot?.Version ?? 0,
            ["window_size"] = lookback,
            ["warmup"] = new Dictionary<string, object?>
            {
                ["is_warmed_up"] = warmedUp,
                ["progress_percent"] = Math.Round(progress, 1),
                ["threshold"] = lookback,
                ["message"] = rows.Count == 0 ? "Waiting for data." : warmedUp ? "Model warmed up." : $"{ready} of {rows.Count} servers have a full window of {lookback} steps.",
            },
        });
    }
}
