namespace FleetCast.Server.Auth;

/// <summary>What the composition root opens besides the fixed open paths, and where the dashboard signs in.</summary>
public sealed record ApiKeyMiddlewareOptions
{
    /// <summary>Extra exact paths served without credentials (e.g. the sign-in page).</summary>
    public IReadOnlyList<string> OpenPaths { get; init; } = [];

    /// <summary>Path prefixes served without credentials (e.g. static assets: <c>/_framework</c>, <c>/css</c>).</summary>
    public IReadOnlyList<string> OpenPathPrefixes { get; init; } = [];

    /// <summary>When set, a browser navigation (GET accepting text/html) without credentials is redirected
    /// here (with <c>?returnUrl=</c>) instead of getting a 401.</summary>
    public string? SignInPath { get; init; }
}
