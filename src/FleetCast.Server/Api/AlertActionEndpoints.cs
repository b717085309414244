using FleetCast.Core.Alerts;
using FleetCast.Server.Alerting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>Acknowledge firing alerts (<c>/api/v1/alerts/.../ack</c>) and silence them (<c>/api/v1/silences</c>).
/// Every change is stored before the response; bad input is a 400 problem naming the field and changes nothing.</summary>
public static class AlertActionEndpoints
{
    public static IEndpointRouteBuilder MapAlertActionEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireJsonBody();
        alerts.MapPost("/{id:long}/ack", AcknowledgeById).WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge the firing alert with this id (the 'id' of GET /api/v1/alerts). Body: {\"who\", \"comment\"?}.");
        alerts.MapPost("/{server}/{metric}/{severity}/ack", AcknowledgeByKey).WithName("AcknowledgeAlertByKey")
            .WithSummary("Acknowledge the firing alert of server + metric + severity (warning or critical). Body: {\"who\", \"comment\"?}.");

        var silences = app.MapGroup("/api/v1/silences").WithTags("Silences").RequireJsonBody();
        silences.MapGet("/", List).WithName("ListSilences")
            .WithSummary("Active silences, soonest end first; includeInactive=true adds expired and cancelled ones.");
        silences.MapPost("/", Create).WithName("CreateSilence")
            .WithSummary("Silence alerts of a server and/or metric until a time (at most 30 days ahead) or for durationMinutes.");
        silences.MapDelete("/{id:long}", Cancel).WithName("CancelSilence")
            .WithSummary("Cancel an active silence now; 'who' (query) names the person cancelling it.");
        return app;
    }

    internal static Results<Ok<AcknowledgementResponse>, ProblemHttpResult> AcknowledgeById(long id, AcknowledgeRequest? request, AlertActions actions) =>
        Run(() => TypedResults.Ok(AcknowledgementResponse.From(actions.Acknowledge(id, request))));

    internal static Results<Ok<AcknowledgementResponse>, ProblemHttpResult> AcknowledgeByKey(string server, string metric, string severity,
        AcknowledgeRequest? request, AlertActions actions) =>
        Run(() => TypedResults.Ok(AcknowledgementResponse.From(actions.Acknowledge(server, metric, severity, request))));

    internal static Ok<SilenceListResponse> List(bool? includeInactive, AlertActions actions)
    {
        var now = actions.Now;
        var silences = actions.Silences(includeInactive ?? false).Select(s => SilenceView.From(s, now)).ToArray();
        return TypedResults.Ok(new SilenceListResponse(silences.Length, silences));
    }

    internal static Results<Created<SilenceView>, ProblemHttpResult> Create(SilenceRequest? request, AlertActions actions) =>
        Run(() =>
        {
            var silence = actions.AddSilence(request);
            return TypedResults.Created($"/api/v1/silences/{silence.Id}", SilenceView.From(silence, actions.Now));
        });

    internal static Results<Ok<SilenceView>, ProblemHttpResult> Cancel(long id, string? who, AlertActions actions) =>
        Run(() => TypedResults.Ok(SilenceView.From(actions.CancelSilence(id, who), actions.Now)));

    private static Results<T, ProblemHttpResult> Run<T>(Func<T> action)
        where T : IResult
    {
        try
        {
            return action();
        }
        catch (AlertActionException e)
        {
            return e.Kind switch
            {
                AlertActionError.Invalid => Problems.Validation(e.Errors),
                AlertActionError.AlertNotFound => Problems.Of(ProblemTypes.AlertNotFound, e.Message),
                AlertActionError.SilenceNotFound => Problems.Of(ProblemTypes.SilenceNotFound, e.Message),
                _ => Problems.Of(ProblemTypes.SilenceNotActive, e.Message),
            };
        }
    }
}
