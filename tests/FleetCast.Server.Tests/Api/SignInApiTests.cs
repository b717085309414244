using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Auth;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class SignInApiTests
{
    private const string Key = "dashboard-key-0123456789abcdef";

    [Fact]
    public async Task DashboardPage_WithKeysAndNoSession_RedirectsToSignIn()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out _);

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(SignInEndpoints.SignInPath, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WrongKey_Returns403AndSetsNoCookie()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);

        using var response = await client.PostAsync(SignInEndpoints.SignInPath, Form("wrong-key", "/"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not valid", page);
        Assert.DoesNotContain("wrong-key", page);
        Assert.Empty(cookies.GetCookies(server.BaseAddress));
    }

    [Fact]
    public async Task SignIn_RightKey_SetsHttpOnlySessionCookieThatOpensTheApiAndNeverContainsTheKey()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);

        using var signIn = await client.PostAsync(SignInEndpoints.SignInPath, Form(Key, "/?tab=alerts"));
        using var status = await client.GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/?tab=alerts", signIn.Headers.Location!.OriginalString);
        var cookie = Assert.Single(cookies.GetCookies(server.BaseAddress));
        Assert.Equal(ApiKeyMiddleware.CookieName, cookie.Name);
        Assert.True(cookie.HttpOnly);
        Assert.DoesNotContain(Key, cookie.Value);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/a\\..\\..\\/evil.example", "/")]
    [InlineData("/\u00e9", "/")]
    [InlineData("/\u2028/evil.example", "/")]
    [InlineData("/\0/evil.example", "/")]
    [InlineData("/%C3%A9?q=a b", "/%C3%A9?q=a b")]
    [InlineData("/servers", "/servers")]
    [InlineData("/?tab=alerts&server=ppdb003", "/?tab=alerts&server=ppdb003")]
    [InlineData(null, "/")]
    public void LocalOrRoot_OnlyFollowsLocalPaths(string? returnUrl, string expected) =>
        Assert.Equal(expected, SignInEndpoints.LocalOrRoot(returnUrl));

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=y")]
    [InlineData("/\u00e9")]
    [InlineData("/\u2028/evil.example")]
    public async Task SignIn_ReturnUrlWithControlOrNonAsciiCharacters_RedirectsToTheRootNot500(string returnUrl)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out _);

        using var signIn = await client.PostAsync(SignInEndpoints.SignInPath, Form(Key, returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("application/json", "{\"apiKey\":\"k\"}")]
    [InlineData("text/plain", "apiKey=k")]
    public async Task SignIn_NotAForm_Returns415ProblemAndSetsNoCookie(string contentType, string body)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);
        using var content = new StringContent(body, System.Text.Encoding.UTF8, contentType);

        using var response = await client.PostAsync(SignInEndpoints.SignInPath, content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ProblemTypes.FormRequired.Type, problem.GetProperty("type").GetString());
        Assert.Equal("application/x-www-form-urlencoded", problem.GetProperty("expectedContentType").GetString());
        Assert.Empty(cookies.GetCookies(server.BaseAddress));
    }

    [Fact]
    public async Task SignIn_FormWithANulCharacter_Returns400ProblemAndSetsNoCookie()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);
        using var content = new StringContent($"apiKey={Key}%00&returnUrl=%2F", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(SignInEndpoints.SignInPath, content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProblemTypes.MalformedForm.Type, problem.GetProperty("type").GetString());
        Assert.DoesNotContain(Key, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(cookies.GetCookies(server.BaseAddress));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    public async Task SignOut_FromAnotherOrigin_Returns403AndTheSessionStaysValid(string header, string value)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);
        using var signIn = await client.PostAsync(SignInEndpoints.SignInPath, Form(Key, "/"));
        using var request = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignOutPath);
        request.Headers.Add(header, value);

        using var signOut = await client.SendAsync(request);
        using var status = await client.GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.Forbidden, signOut.StatusCode);
        Assert.Contains("cross-origin-form", await signOut.Content.ReadAsStringAsync());
        Assert.Single(cookies.GetCookies(server.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task SignOut_FromOwnPage_RevokesTheSessionAndRedirectsToSignIn()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);
        using var signIn = await client.PostAsync(SignInEndpoints.SignInPath, Form(Key, "/"));
        var session = Assert.Single(cookies.GetCookies(server.BaseAddress)).Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignOutPath);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        request.Headers.Add("Origin", server.BaseAddress.GetLeftPart(UriPartial.Authority));

        using var signOut = await client.SendAsync(request);
        using var replayed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        replayed.Headers.Add("Cookie", $"{ApiKeyMiddleware.CookieName}={session}");
        using var bare = new HttpClient { BaseAddress = server.BaseAddress };
        using var status = await bare.SendAsync(replayed);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(SignInEndpoints.SignInPath, signOut.Headers.Location!.OriginalString);
        Assert.Empty(cookies.GetCookies(server.BaseAddress));
        Assert.Equal(HttpStatusCode.Unauthorized, status.StatusCode);
    }

    [Fact]
    public async Task SignOut_Get_IsNotAnEndpoint()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);
        using var signIn = await client.PostAsync(SignInEndpoints.SignInPath, Form(Key, "/"));

        // An <img src="/signout"> on any page must not end the session.
        using var signOut = await client.GetAsync(SignInEndpoints.SignOutPath);
        using var status = await client.GetAsync("/api/v1/status");

        Assert.NotEqual(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Single(cookies.GetCookies(server.BaseAddress));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task SignIn_FormFromAnotherOrigin_Returns403AndSetsNoCookie()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var client = CreateBrowserLikeClient(server, out var cookies);
        using var request = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignInPath) { Content = Form(Key, "/") };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        // Login CSRF: another site signing the viewer in with the attacker's key.
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(cookies.GetCookies(server.BaseAddress));
    }

    private static FormUrlEncodedContent Form(string key, string returnUrl) =>
        new(new Dictionary<string, string> { ["apiKey"] = key, ["returnUrl"] = returnUrl });

    private static HttpClient CreateBrowserLikeClient(TestServerFixture server, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true };
        var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}
