using System.Security.Cryptography;
using System.Text;

namespace FleetCast.Server.Auth;

/// <summary>The Content-Security-Policy values. API responses, errors and static files carry only
/// <see cref="Api"/> (no framing). HTML pages (the dashboard, /signin) carry <see cref="ForPage"/>: scripts only from this
/// origin plus the inline scripts whose exact text the page hashed (the dashboard's import map), no eval, style
/// sheets likewise (no injected style element), and connections (the Blazor circuit's WebSocket included) only back
/// to this origin.</summary>
public static class ContentSecurityPolicy
{
    public const string Api = "frame-ancestors 'none'";

    /// <summary>The policy of an HTML page. Style elements and sheets come only from this origin or by hash
    /// (style-src-elem), so injected markup cannot bring a style sheet (CSS selectors can read attribute values out
    /// of a page). Style attributes stay allowed (style-src-attr): the dashboard's markup sets level colours in
    /// them and the charts' tooltips are built with them; an attribute styles one element and cannot run code.
    /// style-src is the fallback for browsers without the two finer directives.</summary>
    /// <param name="scriptHashes">CSP source expressions ('sha256-…') of the page's inline scripts.</param>
    /// <param name="styleHashes">CSP source expressions ('sha256-…') of the page's inline style blocks.</param>
    public static string ForPage(IEnumerable<string>? scriptHashes = null, IEnumerable<string>? styleHashes = null)
    {
        var scripts = string.Join(' ', new[] { "'self'" }.Concat(scriptHashes ?? []));
        var styles = string.Join(' ', new[] { "'self'" }.Concat(styleHashes ?? []));
        return "default-src 'self'; " +
               $"script-src {scripts}; " +
               $"style-src {styles}; " +
               $"style-src-elem {styles}; " +
               "style-src-attr 'unsafe-inline'; " +
               "img-src 'self' data:; " +
               "font-src 'self'; " +
               "connect-src 'self'; " +
               "object-src 'none'; " +
               "base-uri 'self'; " +
               "form-action 'self'; " +
               "frame-ancestors 'none'";
    }

    /// <summary>The source expression that allows an inline script or style block of exactly this text.</summary>
    public static string HashOf(string inlineText) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inlineText)))}'";
}
