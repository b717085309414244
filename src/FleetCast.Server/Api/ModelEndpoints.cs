using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>The model and how well forecasts are doing: model card, shipped evaluation, live accuracy of
/// matured forecasts, input drift. Reads the report the tracker computed at the last step; computes nothing.</summary>
public static class ModelEndpoints
{
    public static IEndpointRouteBuilder MapModelEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1/model").WithTags("Model");
        v1.MapGet("/quality", Quality).WithName("GetModelQuality")
            .WithSummary("Model card (contract, parameters, training summary), the shipped held-out evaluation, live accuracy of matured forecasts per forecaster and horizon bucket, and input drift (PSI) per metric.");
        return app;
    }

    internal static Ok<ModelQualityReport> Quality(IModelQualitySource quality, IAlertOutcomeSource outcomes) =>
        TypedResults.Ok(quality.Current with { AlertOutcomes = outcomes.AlertOutcomes });
}
