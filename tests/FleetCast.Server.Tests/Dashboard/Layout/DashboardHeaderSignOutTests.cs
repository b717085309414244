using Bunit;
using FleetCast.Dashboard.Layout;
using FleetCast.Server.Api;
using FleetCast.Server.Auth;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Layout;

public sealed class DashboardHeaderSignOutTests : DashboardTestContext
{
    [Fact]
    public void Render_WithApiKeys_SignOutIsAPostFormToSignOut()
    {
        Services.AddSingleton(new ApiKeyValidator(new ApiKeyOptions(["k-123456789012345678901234"])));

        var cut = Render<DashboardHeader>(p => p.Add(h => h.Refresh, RefreshSettings.Default));

        var form = cut.Find("form[data-header='sign-out']");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(SignInEndpoints.SignOutPath, form.GetAttribute("action"));
        Assert.Equal("submit", form.QuerySelector("button")?.GetAttribute("type"));
        Assert.Empty(cut.FindAll("a[href*='signout']"));
    }

    [Fact]
    public void Render_WithoutApiKeys_ShowsNoSignOut()
    {
        Services.AddSingleton(new ApiKeyValidator(new ApiKeyOptions([])));

        var cut = Render<DashboardHeader>(p => p.Add(h => h.Refresh, RefreshSettings.Default));

        Assert.Empty(cut.FindAll("[data-header='sign-out']"));
    }
}
