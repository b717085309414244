using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;
using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>/api/v1/servers: names and levels, one server's detail with full forecasts, explanations.</summary>
public static class ServerEndpoints
{
    public static RouteGroupBuilder MapServerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/servers").WithTags("Servers");
        group.MapGet("/", List).WithName("ListServers").WithSummary("Every known server with its profile, score and level.");
        group.MapGet("/{name}", Detail).WithName("GetServer")
            .WithSummary("One server: score, factors, history from its window and full p10/p50/p90 forecasts.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{name}/summary", Summary).WithName("GetServerSummary")
            .WithSummary("One server's row of the current fleet snapshot (score, level, factors, display values), without history or forecasts.")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet("/{name}/explanation", Explanation).WithName("GetServerExplanation")
            .WithSummary("Why the model forecasts what it does: feature importance, attention over the look-back and counterfactuals (needs the trained model).")
            .Produces<ExplanationResponse>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    internal static Results<Ok<ServerListResponse>, ProblemHttpResult> List(ISnapshotSource source)
    {
        if (source.Current is not { } current)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        var items = current.Snapshot.Servers
            .Select(r => new ServerListItem(r.Name, ProfileNames.ToWire(r.Profile), r.RiskScore, RiskLadder.ToWire(r.Level), r.Ready, r.Stale))
            .ToList();
        return TypedResults.Ok(new ServerListResponse(current.Snapshot.Version, current.Snapshot.DataTime, items.Count, items));
    }

    internal static IResult Detail(string name, ISnapshotSource source)
    {
        if (source.Current is not { } current)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        if (!current.Details.TryGetValue(name, out var detail))
        {
            return Problems.Of(ProblemTypes.ServerNotFound, $"Server '{name}' has never reported.");
        }

        return TypedResults.Bytes(ServerDetailWriter.Write(detail, detail.FilledSteps), "application/json; charset=utf-8");
    }

    internal static IResult Summary(string name, ISnapshotSource source)
    {
        if (source.Current is not { } current)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        if (!current.Details.TryGetValue(name, out var detail))
        {
            return Problems.Of(ProblemTypes.ServerNotFound, $"Server '{name}' has never reported.");
        }

        // The same JSON as this server's element of the fleet snapshot's "servers".
        return TypedResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(detail.Row, FleetJson.Options), "application/json; charset=utf-8");
    }

    internal static IResult Explanation(string name, ISnapshotSource source, ForecasterSet forecasters, ServerExplanations explanations)
    {
        if (source.Current is not { } current)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        if (!current.Details.TryGetValue(name, out var detail))
        {
            return Problems.Of(ProblemTypes.ServerNotFound, $"Server '{name}' has never reported.");
        }

        var check = ExplanationCheck.Of(forecasters.Primary, current, name);
        if (check.Block == ExplanationBlock.ForecasterCannotExplain)
        {
            var primary = forecasters.Primary;
            return Problems.Of(ProblemTypes.ExplanationUnavailable,
                $"Explanations come from the trained model's own internals (variable selection weights and attention). " +
                $"The running forecaster is '{primary.Name}', {(primary.IsModel ? "which does not provide explanations" : "a baseline without such internals")}; no explanation is made up in its place.");
        }

        var tft = check.Model!;
        if (!check.CanExplain)
        {
            return Problems.Of(ProblemTypes.ExplanationUnavailable,
                $"Server '{name}' is forecast by '{detail.Row.Forecaster}' (the warm-up baseline serves until a full look-back has been reported; " +
                $"it has {detail.FilledSteps} steps); the model explains only forecasts it made.");
        }

        var explanation = explanations.Explain(tft, detail, current.Snapshot.Version);
        return TypedResults.Ok(ExplanationResponse.From(explanation, current.Snapshot.DataTime, tft.Name));
    }
}

public sealed record ServerListItem(string Name, string Profile, double RiskScore, string Level, bool Ready, bool Stale);

public sealed record ServerListResponse(long Version, DateTimeOffset DataTime, int Count, IReadOnlyList<ServerListItem> Servers);
