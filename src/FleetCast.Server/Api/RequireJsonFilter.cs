using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetCast.Server.Api;

/// <summary>Every change that carries a body must come as JSON. An HTML form or a no-CORS fetch on another site
/// can POST a form or text/plain body to a FleetCast on the viewer's machine (with the viewer's cookie or a loopback
/// address), but not an application/json one without a CORS preflight, which FleetCast never grants. GET, HEAD and
/// DELETE pass: the first two change nothing, and another site cannot send a DELETE without a preflight either.</summary>
public static class RequireJsonFilter
{
    public const string ExpectedContentType = "application/json";

    /// <summary>Adds the check to an endpoint or a group, with <see cref="RequiresJsonBody"/> as metadata (so a test can
    /// find every state-changing route without it).</summary>
    public static TBuilder RequireJsonBody<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(RequiresJsonBody.Instance);
        builder.AddEndpointFilter(Check);
        return builder;
    }

    internal static async ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (MayCarryChanges(request.Method) && !request.HasJsonContentType())
        {
            return Problem(request);
        }

        return await next(context);
    }

    internal static bool MayCarryChanges(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsDelete(method) || HttpMethods.IsOptions(method));

    /// <summary>The 415 answer, also used when minimal-API body binding refuses the content type itself.</summary>
    public static ProblemHttpResult Problem(HttpRequest request) =>
        Problems.Of(ProblemTypes.UnsupportedMediaType, Detail(request),
            new Dictionary<string, object?> { ["expectedContentType"] = ExpectedContentType });

    /// <summary>Gives routing's own 415 (an endpoint whose accepted content types, from a JSON body parameter or
    /// <c>Accepts</c>, exclude the request's) the same problem as the filter's; it reaches the client through the
    /// status code pages.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status != StatusCodes.Status415UnsupportedMediaType || context.ProblemDetails.Type == ProblemTypes.UnsupportedMediaType.Type)
        {
            return;
        }

        context.ProblemDetails.Type = ProblemTypes.UnsupportedMediaType.Type;
        context.ProblemDetails.Title = ProblemTypes.UnsupportedMediaType.Title;
        context.ProblemDetails.Detail = Detail(context.HttpContext.Request);
        context.ProblemDetails.Extensions["expectedContentType"] = ExpectedContentType;
    }

    private static string Detail(HttpRequest request) =>
        $"{request.Method} {request.Path} needs Content-Type: {ExpectedContentType} (an empty object {{}} will do where nothing else is sent); got '{request.ContentType ?? "none"}'.";
}

/// <summary>Endpoint metadata: the route answers 415 to a change whose body is not JSON (<see cref="RequireJsonFilter"/>).</summary>
public sealed class RequiresJsonBody
{
    public static readonly RequiresJsonBody Instance = new();

    private RequiresJsonBody()
    {
    }
}
