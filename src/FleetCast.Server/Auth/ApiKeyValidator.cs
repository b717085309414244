using System.Security.Cryptography;
using System.Text;

namespace FleetCast.Server.Auth;

/// <summary>Checks a presented key against the configured ones in constant time: both sides are hashed
/// with SHA-256 first, so the comparison is always 32 bytes (a key's length does not leak), and every
/// configured key is compared (which one matched does not leak either).</summary>
public sealed class ApiKeyValidator
{
    private readonly byte[][] _digests;

    public ApiKeyValidator(ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _digests = options.Keys.Select(key => SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToArray();
    }

    /// <summary>False when no key is configured: then every request is allowed.</summary>
    public bool Enabled => _digests.Length > 0;

    public bool IsValid(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || _digests.Length == 0)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(candidate), digest);
        var match = false;
        foreach (var expected in _digests)
        {
            match |= CryptographicOperations.FixedTimeEquals(digest, expected);
        }

        return match;
    }
}
