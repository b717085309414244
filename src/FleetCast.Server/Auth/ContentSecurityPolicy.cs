using System.Security.Cryptography;
using System.Text;

namespace FleetCast.Server.Auth;

/// <summary>The Content-Security-Policy values. API responses, errors and static files carry only
/// <see cref="Api"/> (no framing). HTML pages (the dashboard, /signin) carry <see cref="ForPage"/>: scripts only from this
/// origin plus the inline scripts whose exact text the page hashed (the dashboard's import map), no eval, and
/// connections (the Blazor circuit's WebSocket included) only back to this origin.</summary>
public static class ContentSecurityPolicy
{
    public const string Api = "frame-ancestors 'none'";

    /// <summary>The policy of an HTML page. style-src allows inline styles: the dashboard's markup carries style
    /// attributes (bar widths, colours), ECharts and Blazor's reconnect dialog set styles at run time, and the
    /// sign-in page has one style block; a style cannot run code.</summary>
    /// <param name="scriptHashes">CSP source expressions ('sha256-…') of the page's inline scripts.</param>
    public static string ForPage(IEnumerable<string>? scriptHashes = null)
    {
        var scripts = string.Join(' ', new[] { "'self'" }.Concat(scriptHashes ?? []));
        return "default-src 'self'; " +
               $"script-src {scripts}; " +
               "style-src 'self' 'unsafe-inline'; " +
               "img-src 'self' data:; " +
               "font-src 'self'; " +
               "connect-src 'self'; " +
               "object-src 'none'; " +
               "base-uri 'self'; " +
               "form-action 'self'; " +
               "frame-ancestors 'none'";
    }

    /// <summary>The source expression that allows an inline script of exactly this text.</summary>
    public static string HashOf(string inlineScript) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineScript)))}'";
}
