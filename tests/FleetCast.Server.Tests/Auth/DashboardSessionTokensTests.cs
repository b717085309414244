using FleetCast.Server.Auth;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Auth;

public sealed class DashboardSessionTokensTests
{
    private readonly ManualTimeProvider _clock = new(Samples.Origin);

    [Fact]
    public void Validate_IssuedToken_TrueUntilItExpires()
    {
        var sessions = new DashboardSessionTokens(_clock, TimeSpan.FromHours(1));
        var token = sessions.Issue();

        Assert.True(sessions.Validate(token));
        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.False(sessions.Validate(token));
    }

    [Fact]
    public void Validate_RevokedOrUnknownToken_False()
    {
        var sessions = new DashboardSessionTokens(_clock);
        var token = sessions.Issue();

        sessions.Revoke(token);

        Assert.False(sessions.Validate(token));
        Assert.False(sessions.Validate("made-up"));
        Assert.False(sessions.Validate(null));
    }

    [Fact]
    public void CreateCookieOptions_Always_HttpOnlyStrict()
    {
        var options = new DashboardSessionTokens(_clock).CreateCookieOptions(secure: true);

        Assert.True(options.HttpOnly);
        Assert.True(options.Secure);
        Assert.Equal(Microsoft.AspNetCore.Http.SameSiteMode.Strict, options.SameSite);
    }
}
