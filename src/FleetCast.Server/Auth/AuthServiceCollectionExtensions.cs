using FleetCast.Server.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>Keys from --api-key-file and FLEETCAST_API_KEYS (with none configured everything is open),
    /// dashboard session tokens and the paths the key middleware leaves open.</summary>
    public static IServiceCollection AddFleetCastAuth(this IServiceCollection services, AuthOptions auth)
    {
        services.TryAddSingleton(_ => ApiKeyOptions.FromEnvironment(auth.ApiKeyFile));
        services.TryAddSingleton(sp => new ApiKeyValidator(sp.GetRequiredService<ApiKeyOptions>()));
        services.TryAddSingleton(sp => new DashboardSessionTokens(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(new ApiKeyMiddlewareOptions
        {
            // The dashboard page and its circuit need a session (sign in at /signin); static assets do not.
            OpenPaths = [SignInPaths.SignIn],
            OpenPathPrefixes = ["/_framework", "/_content", "/css", "/js", "/dist", "/favicon"],
            SignInPath = SignInPaths.SignIn,
        });
        return services;
    }
}
