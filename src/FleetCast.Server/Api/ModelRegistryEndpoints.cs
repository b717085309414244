using System.Diagnostics.CodeAnalysis;
using FleetCast.Core.Diagnostics;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Retraining;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>The model registry (every model with its held-out scores, the active one), retraining jobs and
/// activation (rollback) of any registered model.</summary>
public static class ModelRegistryEndpoints
{
    public static IEndpointRouteBuilder MapModelRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/models").WithTags("Model").MapGet("", List).WithName("ListModels")
            .WithSummary("Registered models, newest first, with their held-out scores and which one serves, plus the retraining status.");
        var admin = app.MapGroup("/api/v1/admin/models").WithTags("Admin").RequireJsonBody();
        admin.MapPost("/retrain", Retrain).WithName("StartRetraining")
            .WithSummary("Starts a retraining job on the stored samples (202 with the job; 409 while one runs).");
        admin.MapGet("/jobs/{id:long}", Job).WithName("GetRetrainingJob").WithSummary("A retraining job's progress and outcome.");
        admin.MapPost("/{id:long}/activate", Activate).WithName("ActivateModel")
            .WithSummary("Serves registered model {id} (rollback to an earlier model): loads it first, swaps only after a successful load.");
        return app;
    }

    internal static Ok<ModelsResponse> List(ModelRegistry registry, RetrainingService retraining)
    {
        var status = retraining.Status;
        return TypedResults.Ok(new ModelsResponse(registry.List(), status with { Job = Shown(status.Job) }));
    }

    internal static Results<Accepted<RetrainingJobView>, ProblemHttpResult> Retrain(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] EmptyRequest body, RetrainingService retraining)
    {
        if (EmptyRequest.Problem(body) is { } problem)
        {
            return problem;
        }

        if (retraining.TryStart("manual") is not { } job)
        {
            var running = retraining.Status.Job;
            return Problems.Of(ProblemTypes.RetrainingRunning, $"Retraining job {running?.Id} is still running ({running?.Phase}); one job runs at a time.",
                new Dictionary<string, object?> { ["jobId"] = running?.Id });
        }

        return TypedResults.Accepted($"/api/v1/admin/models/jobs/{job.Id}", Shown(job));
    }

    internal static Results<Ok<RetrainingJobView>, ProblemHttpResult> Job(long id, RetrainingService retraining) =>
        retraining.Job(id) is { } job ? TypedResults.Ok(Shown(job)) : Problems.Of(ProblemTypes.JobNotFound, $"No retraining job {id} is known (the newest 20 are kept until restart).");

    internal static async Task<Results<Ok<RegisteredModel>, ProblemHttpResult>> Activate(long id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] EmptyRequest body, ModelRegistry registry, CancellationToken cancellationToken)
    {
        if (EmptyRequest.Problem(body) is { } problem)
        {
            return problem;
        }

        try
        {
            return await registry.ActivateAsync(id, cancellationToken) is { } model
                ? TypedResults.Ok(model)
                : Problems.Of(ProblemTypes.ModelNotFound, $"No model {id} is registered; GET /api/v1/models lists them.");
        }
        catch (ModelLoadException exception)
        {
            return Problems.Of(ProblemTypes.ModelLoadFailed, $"Model {id} does not load, so the serving model stays: {FirstLine.Of(exception.Message)}");
        }
    }

    /// <summary>A job as the API shows it: a failure's message (the trainer's exception, possibly libtorch's) to its first line.</summary>
    [return: NotNullIfNotNull(nameof(job))]
    private static RetrainingJobView? Shown(RetrainingJobView? job) => job is null ? null : job with { Message = FirstLine.Of(job.Message) };
}

/// <summary>GET /api/v1/models.</summary>
public sealed record ModelsResponse(IReadOnlyList<RegisteredModel> Models, RetrainingStatus Retraining);
