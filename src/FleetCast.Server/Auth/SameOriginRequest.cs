using Microsoft.AspNetCore.Http;

namespace FleetCast.Server.Auth;

/// <summary>Whether a browser sent this request from one of FleetCast's own pages. The session cookie is SameSite=Strict,
/// which keeps it off cross-site requests but not off requests from a sibling subdomain (same site, other origin), and
/// the sign-in and sign-out forms need no cookie to act: a page elsewhere could sign the viewer out, or in with the
/// attacker's key. Browsers say where a request comes from in Sec-Fetch-Site (all current ones) or Origin; a request
/// with neither is not from a browser's cross-site form and passes.</summary>
public static class SameOriginRequest
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            // "none": typed in the address bar or a bookmark.
            return fetchSite is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // Host and port only: behind a TLS-terminating proxy the request's own scheme is http while the page's is https.
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
