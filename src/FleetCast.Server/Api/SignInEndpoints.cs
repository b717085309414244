using System.Net;
using FleetCast.Server.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FleetCast.Server.Api;

/// <summary>The dashboard's sign-in when API keys are configured: a plain form that exchanges a key for
/// an opaque session cookie (HttpOnly, SameSite=Strict). The key itself never reaches markup or JavaScript.
/// Sign-in and sign-out are POST only and refuse a form sent from another origin (<see cref="SameOriginRequest"/>).</summary>
public static class SignInEndpoints
{
    public const string SignInPath = SignInPaths.SignIn;
    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/").WithTags("Dashboard sign-in").ExcludeFromDescription();
        group.MapGet(SignInPath, (string? returnUrl, HttpContext context) => Page(context, returnUrl, error: null, StatusCodes.Status200OK));
        group.MapPost(SignInPath, SignIn);
        group.MapPost(SignOutPath, SignOut);
        return app;
    }

    private static async Task<IResult> SignIn(HttpContext context, ApiKeyValidator validator, DashboardSessionTokens sessions)
    {
        if (!SameOriginRequest.IsSameOrigin(context.Request))
        {
            return CrossOrigin(context.Request);
        }

        // The form is read directly: the key is the credential, and SameSite=Strict keeps the session cookie
        // off cross-site requests.
        if (!context.Request.HasFormContentType)
        {
            return Problems.Of(ProblemTypes.FormRequired,
                $"POST {SignInPath} takes the sign-in form (application/x-www-form-urlencoded with apiKey and returnUrl); got '{context.Request.ContentType}'. Nobody was signed in.",
                new Dictionary<string, object?> { ["expectedContentType"] = "application/x-www-form-urlencoded" });
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            // e.g. a NUL or other invalid character in a field, or a body over the form limits.
            return Problems.Of(ProblemTypes.MalformedForm, $"The sign-in form could not be read: {exception.Message} Nobody was signed in.");
        }

        var returnUrl = LocalOrRoot(form["returnUrl"].ToString());
        if (!validator.Enabled)
        {
            return Results.Redirect(returnUrl);
        }

        if (!validator.IsValid(form["apiKey"].ToString()))
        {
            return Page(context, returnUrl, "That API key is not valid.", StatusCodes.Status403Forbidden);
        }

        context.Response.Cookies.Append(ApiKeyMiddleware.CookieName, sessions.Issue(), sessions.CreateCookieOptions(context.Request.IsHttps));
        return Results.Redirect(returnUrl);
    }

    private static IResult SignOut(HttpContext context, DashboardSessionTokens sessions)
    {
        if (!SameOriginRequest.IsSameOrigin(context.Request))
        {
            return CrossOrigin(context.Request);
        }

        if (context.Request.Cookies.TryGetValue(ApiKeyMiddleware.CookieName, out var token))
        {
            sessions.Revoke(token);
        }

        context.Response.Cookies.Delete(ApiKeyMiddleware.CookieName, new CookieOptions { Path = "/" });
        return Results.Redirect(SignInPath);
    }

    /// <summary>Only local paths are followed after sign-in (no open redirect): one leading '/', and no
    /// backslash or control character anywhere, since browsers drop tabs and newlines and read a backslash as
    /// '/' ("/\t/evil.example" would become "//evil.example"), and CR/LF cannot go into a Location header. Only
    /// printable ASCII is kept: a Location header cannot carry other characters (Kestrel refuses to send one), and
    /// the dashboard's own links to sign-in percent-encode theirs.</summary>
    internal static string LocalOrRoot(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && returnUrl.All(c => c is >= ' ' and < '\x7f' && c != '\\')
            ? returnUrl
            : "/";

    private static IResult CrossOrigin(HttpRequest request) =>
        Problems.Of(ProblemTypes.CrossOriginForm,
            $"POST {request.Path} is accepted only from this server's own pages (Origin '{request.Headers.Origin}', Sec-Fetch-Site '{request.Headers["Sec-Fetch-Site"]}'); nothing was changed.");

    /// <summary>The page's only style block; the page policy allows exactly this text by its hash.</summary>
    private const string PageStyle = """
        body { font-family: system-ui, sans-serif; background: #0f172a; color: #e2e8f0; display: grid; place-items: center; min-height: 100vh; margin: 0; }
        form { background: #1e293b; padding: 2rem; border-radius: 8px; width: min(420px, 90vw); }
        label, input, button { display: block; width: 100%; box-sizing: border-box; font-size: 1rem; }
        input { margin: .5rem 0 1rem; padding: .6rem; border-radius: 4px; border: 1px solid #475569; background: #0f172a; color: inherit; }
        button { padding: .6rem; border: 0; border-radius: 4px; background: #2563eb; color: white; cursor: pointer; }
        .error { color: #fca5a5; }
        """;

    private static readonly string PageStyleHash = ContentSecurityPolicy.HashOf(PageStyle);

    private static IResult Page(HttpContext context, string? returnUrl, string? error, int status)
    {
        SecurityHeaders.UsePagePolicy(context, styleHashes: [PageStyleHash]);
        var message = error is null ? string.Empty : $"<p class=\"error\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>FleetCast · sign in</title>
              <style>{{PageStyle}}</style>
            </head>
            <body>
              <form method="post" action="{{SignInPath}}">
                <h1>FleetCast</h1>
                <p>This server needs an API key. It is exchanged for a session cookie and is not stored in the page.</p>
                {{message}}
                <label for="apiKey">API key</label>
                <input id="apiKey" name="apiKey" type="password" autocomplete="current-password" required autofocus>
                <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(LocalOrRoot(returnUrl))}}">
                <button type="submit">Sign in</button>
              </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
