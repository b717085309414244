using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FleetCast.Server.Api;

/// <summary>Turns a request that minimal-API binding could not read (<see cref="BadHttpRequestException"/>, thrown
/// because <c>RouteHandlerOptions.ThrowOnBadRequest</c> is on) into a problem that names what was wrong in the
/// client's terms: the JSON path of a bad or repeated property, or the parameter, never a .NET type name or a stack
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
            var (path, message) = Describe(json);
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
    private static (string Path, string Message) Describe(JsonException json)
    {
        var path = json.Path is null or "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        // The serializer names the property in its own message only; System.Text.Json's resources are English.
        if (json.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return (path, $"Property '{path}' appears more than once in the JSON body.");
        }

        var where = json.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {json.BytePositionInLine + 1})")
            : string.Empty;
        return (path, $"The JSON body is malformed or holds a value of the wrong kind at '{path}'{where}.");
    }

    // Binding messages look like: Failed to bind parameter "bool? includeInactive" from "abc".
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
