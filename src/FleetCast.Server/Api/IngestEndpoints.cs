using FleetCast.Server.Engine;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Api;

/// <summary>POST /api/v1/ingest and the compatibility POST /feed/data. A batch is validated whole
/// (any error rejects it and changes nothing) and committed to storage before the answer. When the commit fails
/// for lack of space (507) or with an I/O error (503), the answer says so with a Retry-After, and nothing of the
/// batch reaches the windows (the ingest service applies a batch only after its commit).</summary>
public static class IngestEndpoints
{
    public static IEndpointRouteBuilder MapIngestEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/ingest").WithTags("Ingest").RequireJsonBody().MapPost("/", Ingest).WithName("Ingest")
            .WithSummary("Accepts a batch { samples: [ { server, timestamp, profile?, metrics: { <wire name>: number } } ] }; committed before the answer.")
            .Accepts<IngestRequestDoc>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGroup("/feed").WithTags("Compatibility").RequireJsonBody().MapPost("/data", FeedData).WithName("CompatFeedData")
            .WithSummary("Old shape: { records: [ { timestamp, server_name, profile?, cpu_user_pct, ... } ] }.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status507InsufficientStorage)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<Accepted<IngestResponse>, ProblemHttpResult>> Ingest(HttpContext context, IngestRequestParser parser,
        IIngestService ingest, IngestMetrics metrics, TimeProvider time)
    {
        var (result, problem) = await ParseAsync(context, parser, IngestShape.Samples, metrics, time);
        if (problem is not null)
        {
            return problem;
        }

        var (outcome, refused) = await CommitAsync(context, ingest, result!, metrics, time);
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.Accepted((string?)null, new IngestResponse(outcome!.Accepted, outcome.ServersTracked, outcome.ServersReady));
    }

    internal static async Task<IResult> FeedData(HttpContext context, IngestRequestParser parser, IIngestService ingest, IngestMetrics metrics,
        ISnapshotSource source, IOptions<FleetCastOptions> options, TimeProvider time)
    {
        var (result, problem) = await ParseAsync(context, parser, IngestShape.Records, metrics, time);
        if (problem is not null)
        {
            return problem;
        }

        var (outcome, refused) = await CommitAsync(context, ingest, result!, metrics, time);
        if (refused is not null)
        {
            return refused;
        }

        return TypedResults.Json(new Dictionary<string, object?>
        {
            ["status"] = "accepted",
            ["accepted"] = outcome!.Accepted,
            ["tick"] = source.Current?.Snapshot.Version ?? 0,
            ["window_size"] = options.Value.Forecast.LookbackSteps,
            ["servers_tracked"] = outcome.ServersTracked,
            ["servers_ready"] = outcome.ServersReady,
            ["warmup_complete"] = outcome.ServersTracked > 0 && outcome.ServersReady == outcome.ServersTracked,
        });
    }

    private static async Task<(IngestParseResult? Result, ProblemHttpResult? Problem)> ParseAsync(HttpContext context, IngestRequestParser parser,
        IngestShape shape, IngestMetrics metrics, TimeProvider time)
    {
        var limit = parser.Options.MaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            metrics.RecordRejected("too-large");
            return (null, TooLarge(limit));
        }

        var result = await parser.ParseAsync(context.Request.Body, shape, time.GetUtcNow(), context.RequestAborted);
        if (result.BodyTooLarge)
        {
            metrics.RecordRejected("too-large");
            return (null, TooLarge(limit));
        }

        if (!result.IsValid)
        {
            metrics.RecordRejected("invalid");
            return (null, Problems.Validation(result.Errors, $"The batch was rejected whole: {result.Errors.Count} path(s) have errors; nothing was stored."));
        }

        return (result, null);
    }

    private static async Task<(IngestResult? Outcome, ProblemHttpResult? Problem)> CommitAsync(HttpContext context, IIngestService ingest,
        IngestParseResult result, IngestMetrics metrics, TimeProvider time)
    {
        try
        {
            return (await ingest.IngestAsync(result.Samples, context.RequestAborted), null);
        }
        catch (Exception ex) when (StorageFault.From(ex, time.GetUtcNow()) is { } fault)
        {
            metrics.RecordRejected("storage-" + fault.Reason);
            return (null, StorageProblems.WriteFailed(context.Response, fault));
        }
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        Problems.Of(ProblemTypes.PayloadTooLarge, $"The request body exceeds Ingest:MaxBodyBytes ({limit} bytes); split the batch.",
            new Dictionary<string, object?> { ["limitBytes"] = limit });
}

public sealed record IngestResponse(int Accepted, int ServersTracked, int ServersReady);

/// <summary>Shape of the ingest body, for the OpenAPI document.</summary>
public sealed record IngestRequestDoc(IReadOnlyList<IngestSampleDoc> Samples);

public sealed record IngestSampleDoc(string Server, DateTimeOffset Timestamp, string? Profile, IReadOnlyDictionary<string, double> Metrics);
