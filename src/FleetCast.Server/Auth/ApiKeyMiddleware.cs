using System.Text.Json;
using FleetCast.Core.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace FleetCast.Server.Auth;

/// <summary>
/// Requires an API key (<c>X-API-Key</c> or <c>Authorization: Bearer</c>) or a dashboard session cookie
/// on every path except the open ones, once a key is configured. No credentials (or an expired session)
/// → 401; a wrong key → 403; both as RFC 9457 problem details. Keys are never logged.
/// </summary>
public sealed partial class ApiKeyMiddleware
{
    public const string HeaderName = "X-API-Key";
    public const string CookieName = "fleetcast_auth";
    public const string UnauthorizedType = "urn:fleetcast:problem:unauthorized";
    public const string ForbiddenType = "urn:fleetcast:problem:forbidden";

    /// <summary>Always open: health, readiness, status and version probes.</summary>
    public static IReadOnlyList<string> FixedOpenPaths { get; } = ["/healthz", "/readyz", "/health", "/status", "/version"];

    private readonly RequestDelegate _next;
    private readonly ApiKeyValidator _validator;
    private readonly DashboardSessionTokens _sessions;
    private readonly ApiKeyMiddlewareOptions _options;
    private readonly ILogger<ApiKeyMiddleware> _logger;
    private readonly LogThrottle _logThrottle;
    private readonly HashSet<string> _openPaths;

    public ApiKeyMiddleware(
        RequestDelegate next,
        ApiKeyValidator validator,
        DashboardSessionTokens sessions,
        ApiKeyMiddlewareOptions options,
        ILogger<ApiKeyMiddleware> logger,
        TimeProvider? time = null)
    {
        _logThrottle = new LogThrottle(time ?? TimeProvider.System, LogThrottle.DefaultInterval);
        _next = next ?? throw new ArgumentNullException(nameof(next));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _sessions = sessions ?? throw new ArgumentNullException(nameof(sessions));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _openPaths = new HashSet<string>(FixedOpenPaths.Concat(options.OpenPaths).Select(Normalise), StringComparer.OrdinalIgnoreCase);
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!_validator.Enabled || IsOpen(context.Request.Path))
        {
            return _next(context);
        }

        if (PresentedKey(context.Request) is { } key)
        {
            if (_validator.IsValid(key))
            {
                return _next(context);
            }

            Rejected(context, "wrong API key");
            return WriteProblem(context, StatusCodes.Status403Forbidden, ForbiddenType, "Forbidden", "The API key is not valid.");
        }

        if (context.Request.Cookies.TryGetValue(CookieName, out var token))
        {
            if (_sessions.Validate(token))
            {
                return _next(context);
            }

            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
            Rejected(context, "expired or unknown session");
            return Challenge(context, "The dashboard session has expired or is unknown; sign in again.");
        }

        Rejected(context, "no credentials");
        return Challenge(context, $"An API key is required: send it in the {HeaderName} header or as 'Authorization: Bearer <key>'.");
    }

    public bool IsOpen(PathString path)
    {
        if (_openPaths.Contains(Normalise(path.Value ?? "/")))
        {
            return true;
        }

        foreach (var prefix in _options.OpenPathPrefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[HeaderName];
        if (!StringValues.IsNullOrEmpty(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[bearer.Length..].Trim();
        }

        return null;
    }

    private Task Challenge(HttpContext context, string detail)
    {
        var request = context.Request;
        if (_options.SignInPath is { } signIn && HttpMethods.IsGet(request.Method) && AcceptsHtml(request))
        {
            var returnUrl = Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString);
            context.Response.Redirect($"{request.PathBase}{signIn}?returnUrl={returnUrl}");
            return Task.CompletedTask;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"fleetcast\"";
        return WriteProblem(context, StatusCodes.Status401Unauthorized, UnauthorizedType, "Unauthorized", detail);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    private static Task WriteProblem(HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var problem = new Dictionary<string, object?>
        {
            ["type"] = type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = context.Request.Path.Value,
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, problem, cancellationToken: context.RequestAborted);
    }

    private static string Normalise(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    private void Rejected(HttpContext context, string reason)
    {
        if (_logThrottle.ShouldLog(reason, out var suppressed))
        {
            LogRejected(_logger, context.Request.Path, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", reason, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected request to {Path} from {Remote}: {Reason} ({Suppressed} more like it left out of the log since the last such line)")]
    private static partial void LogRejected(ILogger logger, PathString path, string remote, string reason, long suppressed);
}
