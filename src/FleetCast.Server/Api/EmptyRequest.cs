using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetCast.Server.Api;

/// <summary>The body of a change that takes no fields (reload, retrain, activate): exactly a JSON object, <c>{}</c>.
/// Bound like any body, so <c>[]</c>, <c>{</c> and unknown properties are refused with the other bodies' 400s. The
/// handlers declare it non-nullable with <c>EmptyBodyBehavior.Allow</c>, so the OpenAPI document asks for an object
/// only; an empty body or a JSON <c>null</c> still arrives as null, and <see cref="Problem"/> refuses it.</summary>
public sealed record EmptyRequest
{
    /// <summary>The 400 for a missing body or a JSON <c>null</c>; null when there is an object.</summary>
    internal static ProblemHttpResult? Problem(EmptyRequest? body) =>
        body is null ? Problems.Validation("body", "The body must be a JSON object: send {} (this change takes no fields). Nothing was changed.") : null;
}
