using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Api;

/// <summary>Turns a request that minimal-API binding could not read (<see cref="BadHttpRequestException"/>, thrown
/// because <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on) into a problem that names what was wrong in the
/// client's terms: the JSON path of a bad, repeated or unknown property, or the parameter, never a .NET type name or a stack
/// trace. The handler never ran, so nothing was changed.</summary>
public sealed partial class BadRequestProblemHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        await ProblemFor(httpContext.Request, bad).ExecuteAsync(httpContext);
        return true;
    }

    internal static ProblemHttpResult ProblemFor(HttpRequest request, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return RequireJsonFilter.Problem(request);
        }

        if (bad.InnerException is JsonException json)
        {
            var (path, message) = Describe(json, request);
            return Problems.Validation(new Dictionary<string, string[]> { [path] = [message] }, $"{message} Nothing was changed.");
        }

        if (bad.StatusCode == StatusCodes.Status400BadRequest && ParameterName().Match(bad.Message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            return Problems.Validation(name, $"'{name}' is missing or not a valid value.");
        }

        return TypedResults.Problem(statusCode: bad.StatusCode, title: "The request could not be read.",
            detail: "The request could not be read; nothing was changed.");
    }

    /// <summary>The property's path without the leading "$." (as validation errors are keyed) and what is wrong there.</summary>
    private static (string Path, string Message) Describe(JsonException json, HttpRequest request)
    {
        var path = json.Path is null or "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        // The serializer names the property in its own message only; System.Text.Json's resources are English.
        if (json.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return (path, $"Property '{path}' appears more than once in the JSON body.");
        }

        if (json.Message.StartsWith("The JSON property", StringComparison.Ordinal) && json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var known = KnownProperties(request);
            return (path, known.Count == 0
                ? $"Property '{path}' is not known; this route takes an empty object {{}}."
                : $"Property '{path}' is not known; expected {string.Join(", ", known)}.");
        }

        var where = json.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {json.BytePositionInLine + 1})")
            : string.Empty;
        return (path, $"The JSON body is malformed or holds a value of the wrong kind at '{path}'{where}.");
    }

    /// <summary>The JSON names of the endpoint's body type, as the API's serializer options write them.</summary>
    private static IReadOnlyList<string> KnownProperties(HttpRequest request)
    {
        // The exception handler clears the endpoint before it runs the handlers; its feature keeps it.
        var endpoint = request.HttpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? request.HttpContext.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not { } type)
        {
            return [];
        }

        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return [.. options.GetTypeInfo(type).Properties.Select(p => p.Name)];
    }

    // Binding messages look like: Failed to bind parameter "bool? includeInactive" from "abc".
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
