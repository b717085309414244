using FleetCast.Server.Alerting;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>/api/v1/alerting: the configured alert routes (never their secrets) and the outbox's deliveries.</summary>
public static class AlertingEndpoints
{
    public const int DefaultDeliveryLimit = 50;
    public const int MaxDeliveryLimit = 1000;

    public static RouteGroupBuilder MapAlertingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alerting").WithTags("Alerting");
        group.MapGet("/routes", Routes).WithName("ListAlertRoutes")
            .WithSummary("Configured alert routes without secrets (auth shows \"configured\" or \"none\"), with delivery counts over the deliveries the outbox keeps.");
        group.MapGet("/deliveries", Deliveries).WithName("ListAlertDeliveries")
            .WithSummary("The newest deliveries in the outbox, newest first (optionally of one route; limit 1-1000, default 50).");
        return group;
    }

    internal static Ok<AlertRoutesResponse> Routes(AlertRouter router, IOutboxStore outbox) =>
        TypedResults.Ok(new AlertRoutesResponse(router.Routes.Count, RouteStatus.Create(router.Routes, outbox.Stats())));

    internal static Results<Ok<AlertDeliveriesResponse>, ProblemHttpResult> Deliveries(string? route, int? limit, IOutboxStore outbox)
    {
        var take = limit ?? DefaultDeliveryLimit;
        if (take is < 1 or > MaxDeliveryLimit)
        {
            return Problems.Validation("limit", $"limit must be between 1 and {MaxDeliveryLimit}; got {take}.");
        }

        var rows = outbox.Recent(take, string.IsNullOrWhiteSpace(route) ? null : route);
        return TypedResults.Ok(new AlertDeliveriesResponse(rows.Count, rows.Select(AlertDeliveryItem.From).ToList()));
    }
}

public sealed record AlertRoutesResponse(int Count, IReadOnlyList<RouteStatus> Routes);

public sealed record AlertDeliveriesResponse(int Count, IReadOnlyList<AlertDeliveryItem> Deliveries);

/// <summary>One delivery without its body. Times are wall-clock times.</summary>
public sealed record AlertDeliveryItem(
    long Id,
    string Route,
    string Summary,
    string Status,
    int Attempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? FailedAt,
    string? LastError)
{
    public static AlertDeliveryItem From(OutboxDelivery d) => new(d.Id, d.Destination, d.Summary, d.Status, d.Attempts, d.CreatedAt,
        d.Status == OutboxDelivery.Pending ? d.NextAttemptAt : null, d.LastAttemptAt, d.DeliveredAt, d.FailedAt, d.LastError);
}
