using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FleetCast.Server.Auth;

/// <summary>Opaque session tokens for the dashboard cookie (issued after a sign-in with a valid key; the
/// key itself never goes into the cookie). Tokens are random 256-bit values kept in memory, indexed by
/// their SHA-256, and expire after <see cref="Lifetime"/>; a restart signs everyone out.</summary>
public sealed class DashboardSessionTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiryByDigest = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public DashboardSessionTokens(TimeProvider? time = null, TimeSpan? lifetime = null)
    {
        _time = time ?? TimeProvider.System;
        Lifetime = lifetime ?? TimeSpan.FromHours(12);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Lifetime, TimeSpan.Zero, nameof(lifetime));
    }

    public TimeSpan Lifetime { get; }

    public string Issue()
    {
        var now = _time.GetUtcNow();
        foreach (var pair in _expiryByDigest)
        {
            if (pair.Value <= now)
            {
                _expiryByDigest.TryRemove(pair.Key, out _);
            }
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _expiryByDigest[Digest(token)] = now + Lifetime;
        return token;
    }

    public bool Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 256)
        {
            return false;
        }

        var digest = Digest(token);
        if (!_expiryByDigest.TryGetValue(digest, out var expiry))
        {
            return false;
        }

        if (expiry > _time.GetUtcNow())
        {
            return true;
        }

        _expiryByDigest.TryRemove(digest, out _);
        return false;
    }

    public void Revoke(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _expiryByDigest.TryRemove(Digest(token), out _);
        }
    }

    /// <summary>Options for the <see cref="ApiKeyMiddleware.CookieName"/> cookie: HttpOnly (never visible to
    /// JavaScript), SameSite=Strict, whole site, Secure when the request came over HTTPS.</summary>
    public CookieOptions CreateCookieOptions(bool secure) => new()
    {
        HttpOnly = true,
        Secure = secure,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = Lifetime,
        IsEssential = true,
    };

    private static string Digest(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
