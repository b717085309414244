using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetCast.Server.Auth;

/// <summary>Names the credential a request came with, for audit records, without the secret: an API key
/// becomes "api key sha256:" and the first 8 hex digits of its SHA-256 (enough to tell keys apart, useless to
/// sign in with); a dashboard cookie becomes "dashboard session"; with no keys configured (an open server) nothing was
/// checked, so it is "no API key (server open)".</summary>
public static class RequestCredential
{
    public const string DashboardSession = "dashboard session";
    public const string Open = "no API key (server open)";

    public static string Describe(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestServices?.GetService(typeof(ApiKeyValidator)) is ApiKeyValidator { Enabled: false })
        {
            return Open;
        }

        var request = context.Request;
        var key = request.Headers[ApiKeyMiddleware.HeaderName].ToString().Trim();
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (key.Length == 0 && authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase))
        {
            key = authorization[bearer.Length..].Trim();
        }

        if (key.Length > 0)
        {
            return "api key " + Fingerprint(key);
        }

        return request.Cookies.ContainsKey(ApiKeyMiddleware.CookieName) ? DashboardSession : Open;
    }

    public static string Fingerprint(string key) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
}
