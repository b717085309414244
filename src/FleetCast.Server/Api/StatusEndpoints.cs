using System.Reflection;
using System.Text.Json.Serialization;
using FleetCast.Server.Engine;
using FleetCast.Server.Ingest;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Api;

/// <summary>Status (warm-up, forecaster, ingest rate, snapshot age), fleet history, health and version.</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").WithTags("Status");
        v1.MapGet("/status", Status).WithName("GetStatus").WithSummary("Warm-up overall (per server with ?servers=true), forecaster, ingest rate, snapshot version and age, step duration, sources (scraped endpoints, Prometheus) up or down.");
        v1.MapGet("/history", History).WithName("GetFleetHistory").WithSummary("Stored fleet summaries over [from, to] (data time; default the last day).");

        var health = app.MapGroup("/").WithTags("Health");
        health.MapGet("/healthz", () => TypedResults.Ok(new HealthResponse("ok"))).WithName("Healthz").WithSummary("Liveness: the process answers.");
        health.MapGet("/readyz", Ready).WithName("Readyz").WithSummary("Readiness: storage takes writes and a fleet snapshot has been published.");
        health.MapGet("/version", () => TypedResults.Ok(VersionInfo.Current)).WithName("Version");
        return app;
    }

    internal static Results<Ok<HealthResponse>, ProblemHttpResult> Ready(ISnapshotSource source, StorageReadiness storage)
    {
        if (storage.Check() is { } fault)
        {
            return StorageProblems.NotReady(fault);
        }

        return source.Current is null
            ? Problems.Of(ProblemTypes.NoSnapshot, "Not ready: the first fleet snapshot has not been computed yet.")
            : TypedResults.Ok(new HealthResponse("ready"));
    }

    /// <param name="servers">True to list every server's warm-up (about 90 bytes a server); otherwise only the
    /// fleet totals, so the status stays small at 1,000 servers.</param>
    internal static Ok<StatusResponse> Status(ISnapshotSource source, SnapshotEngine engine, IWindowStore windows, IngestStatistics ingest,
        EngineMetrics metrics, IOptions<FleetCastOptions> options, TimeProvider time, SourceStatusBoard sources, bool? servers = null)
    {
        var current = source.Current;
        var forecast = options.Value.Forecast;
        var primary = engine.Forecasters.Primary;
        var rows = current?.Snapshot.Servers ?? [];
        var ready = 0;
        double progressSum = 0;
        foreach (var row in rows)
        {
            ready += row.Ready ? 1 : 0;
            progressSum += row.WarmupProgress;
        }

        var perServer = servers == true
            ? rows.Select(r => new ServerWarmup(r.Name, r.Ready, Math.Round(r.WarmupProgress, 4), r.Stale, r.Forecaster)).ToList()
            : null;
        var overall = rows.Count == 0 ? 0 : Math.Round(progressSum / rows.Count, 4);
        var warmup = new WarmupStatus(rows.Count > 0 && ready == rows.Count, overall, ready, rows.Count, forecast.LookbackSteps,
            rows.Count == 0 ? "Waiting for data." : ready == rows.Count
                ? "Every server has a full look-back window."
                : $"{ready} of {rows.Count} servers have a full look-back window ({forecast.LookbackSteps} steps); the others are scored on current values and the {engine.Forecasters.WarmUp.Name} baseline.",
            perServer);
        var snapshot = current is null
            ? null
            : new SnapshotStatus(current.Snapshot.Version, current.Snapshot.DataTime, current.Snapshot.ComputedAt,
                Math.Round((time.GetUtcNow() - current.Snapshot.ComputedAt).TotalSeconds, 3), current.Json.Length, current.JsonBrotli.Length);
        var forecaster = new ForecasterStatus(primary.Name, primary.IsModel, !primary.IsModel, engine.Forecasters.WarmUp.Name,
            current?.Snapshot.Forecaster, engine.LastForecastError, engine.Forecasters.CanReload);
        var skipped = engine.SkippedSteps;
        var skippedStatus = new SkippedStepsStatus(skipped.Total, skipped.LastHour, SkippedStepsStatus.Explanation);
        var ingestStatus = new IngestStatus(Math.Round(ingest.SamplesPerSecond(), 2), Math.Round(ingest.ValuesPerSecond(), 1), ingest.TotalSamples, ingest.RejectedBatches);
        return TypedResults.Ok(new StatusResponse(
            current is not null, windows.LatestDataTime, forecast.StepSeconds, forecast.HorizonSteps, forecast.LookbackSteps,
            snapshot, Math.Round(metrics.LastStepDuration.TotalMilliseconds, 2), forecaster, warmup, ingestStatus, windows.ServerCount, skippedStatus,
            sources.Statuses()));
    }

    internal static Results<Ok<FleetHistoryResponse>, ProblemHttpResult> History(string? from, string? to, ISnapshotSource source, ISnapshotHistoryStore store, TimeProvider time)
    {
        var defaultTo = source.Current?.Snapshot.DataTime ?? time.GetUtcNow();
        if (!TimeRangeQuery.TryParse(from, to, defaultTo, TimeSpan.FromDays(1), out var start, out var end, out var errors))
        {
            return Problems.Validation(errors);
        }

        var points = store.Read(start, end);
        return TypedResults.Ok(new FleetHistoryResponse(start, end, points.Count, points));
    }
}

public sealed record HealthResponse(string Status);

public sealed record VersionInfo(string Name, string Version, string Runtime)
{
    public static VersionInfo Current { get; } = new("fleetcast",
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0",
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
}

public sealed record StatusResponse(bool Running, DateTimeOffset? DataTime, int StepSeconds, int HorizonSteps, int LookbackSteps,
    SnapshotStatus? Snapshot, double StepDurationMs, ForecasterStatus Forecaster, WarmupStatus Warmup, IngestStatus Ingest, int ServersTracked,
    SkippedStepsStatus SkippedSteps, IReadOnlyList<SourceStatus> Sources);

/// <summary>Data steps the engine did not compute because newer data had already arrived.</summary>
/// <param name="Total">Since the server started (the same count as <c>fleetcast_snapshot_skipped_steps_total</c>).</param>
/// <param name="LastHour">In the last hour of wall-clock time, to the minute.</param>
public sealed record SkippedStepsStatus(long Total, long LastHour, string Message)
{
    internal const string Explanation =
        "When data arrives faster than the engine computes, it computes the newest step and skips the ones in between; it does not catch up.";
}

public sealed record SnapshotStatus(long Version, DateTimeOffset DataTime, DateTimeOffset ComputedAt, double AgeSeconds, int JsonBytes, int BrotliBytes);

public sealed record ForecasterStatus(string Primary, bool IsModel, bool IsBaseline, string WarmUp, string? InSnapshot, string? LastError, bool CanReload);

/// <param name="Servers">Per-server warm-up, only with <c>?servers=true</c> (null otherwise).</param>
public sealed record WarmupStatus(bool Complete, double Progress, int ReadyServers, int TotalServers, int LookbackSteps, string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ServerWarmup>? Servers);

public sealed record ServerWarmup(string Name, bool Ready, double Progress, bool Stale, string Forecaster);

public sealed record IngestStatus(double SamplesPerSecond, double ValuesPerSecond, long TotalSamples, long RejectedBatches);

public sealed record FleetHistoryResponse(DateTimeOffset From, DateTimeOffset To, int Count, IReadOnlyList<SnapshotHistoryPoint> Points);
