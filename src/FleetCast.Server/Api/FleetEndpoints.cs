using FleetCast.Server.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>GET /api/v1/fleet: the published snapshot's pre-serialised, pre-compressed bytes.</summary>
public static class FleetEndpoints
{
    public static RouteGroupBuilder MapFleetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/fleet").WithTags("Fleet");
        group.MapGet("/", GetFleet)
            .WithName("GetFleet")
            .WithSummary("The current fleet snapshot (every server's display row, summary, environment, active alerts).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    internal static IResult GetFleet(ISnapshotSource source)
    {
        var current = source.Current;
        if (current is null)
        {
            return Problems.Of(ProblemTypes.NoSnapshot, "The engine has not computed its first snapshot yet; retry shortly.");
        }

        return new EncodedBody(current.Json, current.JsonGzip, current.JsonBrotli, current.ETag);
    }
}
