using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetCast.Server.Api;

/// <summary>Builds RFC 9457 problem details (application/problem+json) for an error kind.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(ProblemKind kind, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: kind.Status, title: kind.Title, type: kind.Type, extensions: extensions);

    /// <summary>400 with <c>errors</c> keyed by the path of each invalid field.</summary>
    public static ProblemHttpResult Validation(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        Of(ProblemTypes.Validation, detail ?? $"{errors.Count} field(s) are invalid; nothing was changed.",
            new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Validation(string path, string message) =>
        Validation(new Dictionary<string, string[]> { [path] = [message] }, message);
}
