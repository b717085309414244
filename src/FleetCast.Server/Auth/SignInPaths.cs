namespace FleetCast.Server.Auth;

/// <summary>Where the dashboard's sign-in form is: the API key middleware leaves it open and sends browsers
/// without a session there; the API maps it (<c>SignInEndpoints</c>).</summary>
public static class SignInPaths
{
    public const string SignIn = "/signin";
}
