using FleetCast.Server.Auth;
using FleetCast.Server.Costs;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>Cost avoidance: <c>GET /api/v1/cost-avoidance</c> (an estimate from stored alert outcomes) and
/// <c>PUT /api/v1/admin/cost-inputs</c> (the installation's figures, JSON only).</summary>
public static class CostEndpoints
{
    /// <summary>The period when none is given: the 30 days up to the data time.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapCostEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/cost-avoidance", Get).WithTags("Cost avoidance").WithName("GetCostAvoidance")
            .WithSummary("Estimated cost avoided in [from, to] (ISO 8601, data time; default the last 30 days) with inputs, formula and counts.");
        app.MapGroup("/api/v1/admin").WithTags("Admin").RequireJsonBody()
            .MapPut("/cost-inputs", Put).WithName("SetCostInputs")
            .WithSummary("Sets the cost inputs: {\"costPerHour\", \"outageHours\", \"shareActedOn\" (0–1), \"currency\"?}.");
        return app;
    }

    internal static Results<Ok<CostAvoidanceResponse>, ProblemHttpResult> Get(string? from, string? to, CostAvoidanceService costs,
        ISnapshotSource source, TimeProvider time)
    {
        var defaultTo = source.Current?.Snapshot.DataTime ?? time.GetUtcNow();
        return TimeRangeQuery.TryParse(from, to, defaultTo, DefaultSpan, out var start, out var end, out var errors)
            ? TypedResults.Ok(costs.Report(start, end))
            : Problems.Validation(errors);
    }

    internal static Results<Ok<CostInputsView>, ProblemHttpResult> Put(CostInputsRequest? request, CostAvoidanceService costs, HttpContext context)
    {
        var errors = CostInputsValidator.Errors(request, out var inputs);
        return errors.Count > 0
            ? Problems.Validation(errors)
            : TypedResults.Ok(CostInputsView.From(costs.Save(inputs!, RequestCredential.Describe(context))));
    }
}
