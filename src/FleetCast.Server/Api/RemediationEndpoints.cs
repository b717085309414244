using FleetCast.Server.Auth;
using FleetCast.Server.Remediation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>Auto-remediation: the configured rules, the actions with their audit trail, and approve/reject of
/// pending actions (JSON bodies, like admin changes; who decided is stored with the credential's name, never the key).</summary>
public static class RemediationEndpoints
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapRemediationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/remediation").WithTags("Remediation").RequireJsonBody();
        group.MapGet("/rules", Rules).WithName("ListRemediationRules").WithSummary("Configured remediation rules (no secrets), limits and timeouts.");
        group.MapGet("/actions", Actions).WithName("ListRemediationActions")
            .WithSummary("Remediation actions with their audit trail, newest first; status filters (pending, dry-run, ...), limit 1–1000 (default 100).");
        group.MapPost("/actions/{id:long}/approve", Approve).WithName("ApproveRemediationAction")
            .WithSummary("Approves a pending action and runs it once. Body: {\"who\", \"comment\"?}.");
        group.MapPost("/actions/{id:long}/reject", Reject).WithName("RejectRemediationAction")
            .WithSummary("Rejects a pending action; it never runs. Body: {\"who\", \"comment\"?}.");
        return app;
    }

    internal static Ok<RemediationRulesResponse> Rules(RemediationService remediation) => TypedResults.Ok(RemediationRulesResponse.From(remediation));

    internal static Results<Ok<RemediationActionsResponse>, ProblemHttpResult> Actions(string? status, int? limit, RemediationService remediation)
    {
        var errors = new Dictionary<string, string[]>();
        if (status is not null && !RemediationStatus.All.Contains(status))
        {
            errors["status"] = [$"Unknown status '{status}'; one of {string.Join(", ", RemediationStatus.All)}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}; got {limit}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var actions = remediation.Actions(limit ?? 100, status).Select(RemediationActionView.From).ToArray();
        return TypedResults.Ok(new RemediationActionsResponse(actions.Length, actions));
    }

    internal static Task<Results<Ok<RemediationActionView>, ProblemHttpResult>> Approve(long id, RemediationDecisionRequest? request,
        RemediationService remediation, HttpContext context) =>
        RunAsync(() => remediation.ApproveAsync(id, request, RequestCredential.Describe(context), context.RequestAborted));

    internal static Task<Results<Ok<RemediationActionView>, ProblemHttpResult>> Reject(long id, RemediationDecisionRequest? request,
        RemediationService remediation, HttpContext context) =>
        RunAsync(() => remediation.RejectAsync(id, request, RequestCredential.Describe(context), context.RequestAborted));

    private static async Task<Results<Ok<RemediationActionView>, ProblemHttpResult>> RunAsync(Func<Task<RemediationAction>> decide)
    {
        try
        {
            return TypedResults.Ok(RemediationActionView.From(await decide()));
        }
        catch (RemediationActionException e)
        {
            return e.Kind switch
            {
                RemediationActionError.Invalid => Problems.Validation(e.Errors),
                RemediationActionError.NotFound => Problems.Of(ProblemTypes.RemediationActionNotFound, e.Message),
                _ => Problems.Of(ProblemTypes.RemediationActionNotPending, e.Message),
            };
        }
    }
}
