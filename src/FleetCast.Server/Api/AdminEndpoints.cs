using FleetCast.Core.Diagnostics;
using FleetCast.Core.Scenarios;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>/api/v1/admin: scenario control of an in-process simulator and forecaster reload.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin").WithTags("Admin").RequireJsonBody();
        group.MapGet("/scenario", GetScenario).WithName("GetScenario").WithSummary("The simulator's scenario and the servers it affects.");
        group.MapPut("/scenario", SetScenario).WithName("SetScenario").WithSummary("Switches the simulator's scenario: healthy, degrading, critical, cascade.");
        group.MapPost("/model/reload", ReloadModel).WithName("ReloadModel").WithSummary("Reloads the primary forecaster from its model directory.");
        return group;
    }

    internal static Results<Ok<ScenarioStatus>, ProblemHttpResult> GetScenario(HttpContext context)
    {
        var control = context.RequestServices.GetService(typeof(IScenarioControl)) as IScenarioControl;
        return control is null ? NoSimulator() : TypedResults.Ok(control.Current);
    }

    internal static Results<Ok<ScenarioStatus>, ProblemHttpResult> SetScenario(ScenarioRequest? request, HttpContext context)
    {
        if (context.RequestServices.GetService(typeof(IScenarioControl)) is not IScenarioControl control)
        {
            return NoSimulator();
        }

        if (string.IsNullOrWhiteSpace(request?.Scenario))
        {
            return Problems.Validation("scenario", $"scenario is required; one of: {string.Join(", ", control.Available)}.");
        }

        try
        {
            return TypedResults.Ok(control.Set(request.Scenario.Trim()));
        }
        catch (ArgumentException ex)
        {
            return Problems.Of(ProblemTypes.UnknownScenario, $"Unknown scenario '{request.Scenario}'. Valid scenarios: {string.Join(", ", control.Available)}.",
                new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { ["scenario"] = [ex.Message] },
                    ["available"] = control.Available,
                });
        }
    }

    internal static async Task<Results<Ok<ReloadResponse>, ProblemHttpResult>> ReloadModel(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] EmptyRequest body, ForecasterSet forecasters, CancellationToken cancellationToken)
    {
        if (EmptyRequest.Problem(body) is { } problem)
        {
            return problem;
        }

        if (!forecasters.CanReload)
        {
            return Problems.Of(ProblemTypes.ReloadUnavailable, $"No model directory is configured; the primary forecaster is the '{forecasters.Primary.Name}' baseline.");
        }

        try
        {
            var loaded = await forecasters.ReloadAsync(cancellationToken);
            return TypedResults.Ok(new ReloadResponse(loaded.Name, loaded.IsModel));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Problems.Of(ProblemTypes.ReloadFailed, $"Reloading failed; the previous forecaster stays in use: {FirstLine.Of(ex.Message)}");
        }
    }

    private static ProblemHttpResult NoSimulator() =>
        Problems.Of(ProblemTypes.NoSimulator, "Scenario control needs the simulator running inside this process (fleetcast run without --no-simulator).");
}

public sealed record ScenarioRequest(string? Scenario);

public sealed record ReloadResponse(string Forecaster, bool IsModel);
