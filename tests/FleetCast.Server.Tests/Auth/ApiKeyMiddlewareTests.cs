using System.Text.Json;
using FleetCast.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Auth;

public sealed class ApiKeyMiddlewareTests
{
    private const string Key = "correct-horse-battery-staple";

    private readonly DashboardSessionTokens _sessions = new();
    private readonly RecordingLogger _logger = new();
    private bool _nextCalled;

    [Fact]
    public async Task InvokeAsync_NoCredentials_401ProblemDetails()
    {
        var context = await Run(Middleware(), "/api/v1/fleet");

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.False(_nextCalled);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        var problem = ReadBody(context);
        Assert.Equal(ApiKeyMiddleware.UnauthorizedType, problem.GetProperty("type").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("X-API-Key", problem.GetProperty("detail").GetString());
        Assert.StartsWith("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task InvokeAsync_WrongKey_403AndKeyNotLogged()
    {
        var context = await Run(Middleware(), "/metrics", c => c.Request.Headers[ApiKeyMiddleware.HeaderName] = "wrong-key-value");

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
        Assert.False(_nextCalled);
        Assert.Equal(ApiKeyMiddleware.ForbiddenType, ReadBody(context).GetProperty("type").GetString());
        Assert.NotEmpty(_logger.Messages);
        Assert.DoesNotContain(_logger.Messages, m => m.Contains("wrong-key-value"));
    }

    [Fact]
    public async Task InvokeAsync_RightKeyInHeader_CallsNext()
    {
        var context = await Run(Middleware(), "/api/v1/fleet", c => c.Request.Headers[ApiKeyMiddleware.HeaderName] = Key);

        Assert.True(_nextCalled);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_RightKeyAsBearer_CallsNext()
    {
        await Run(Middleware(), "/api/v1/fleet", c => c.Request.Headers.Authorization = "Bearer " + Key);

        Assert.True(_nextCalled);
    }

    [Fact]
    public async Task InvokeAsync_WrongBearer_403()
    {
        var context = await Run(Middleware(), "/api/v1/fleet", c => c.Request.Headers.Authorization = "Bearer nope");

        Assert.Equal(StatusCodes.Status403Forbidden, context.Response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/health")]
    [InlineData("/status")]
    [InlineData("/version")]
    [InlineData("/HEALTHZ/")]
    [InlineData("/sign-in")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task InvokeAsync_OpenPath_CallsNextWithoutCredentials(string path)
    {
        await Run(Middleware(), path);

        Assert.True(_nextCalled);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/healthz/extra")]
    [InlineData("/_frameworkish")]
    [InlineData("/api/v1/ingest")]
    public async Task InvokeAsync_ProtectedPath_401WithoutCredentials(string path)
    {
        var context = await Run(Middleware(), path);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_NoKeyConfigured_EverythingOpen()
    {
        var middleware = new ApiKeyMiddleware(Next, new ApiKeyValidator(ApiKeyOptions.None), _sessions, new ApiKeyMiddlewareOptions(), NullLogger<ApiKeyMiddleware>.Instance);

        await Run(middleware, "/api/v1/fleet");

        Assert.True(_nextCalled);
    }

    [Fact]
    public async Task InvokeAsync_ValidSessionCookie_CallsNext()
    {
        var token = _sessions.Issue();

        await Run(Middleware(), "/", c => c.Request.Headers.Cookie = $"{ApiKeyMiddleware.CookieName}={token}");

        Assert.True(_nextCalled);
    }

    [Fact]
    public async Task InvokeAsync_UnknownSessionCookie_401AndCookieCleared()
    {
        var context = await Run(Middleware(), "/api/v1/fleet", c => c.Request.Headers.Cookie = $"{ApiKeyMiddleware.CookieName}=forged");

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Contains(ApiKeyMiddleware.CookieName + "=;", context.Response.Headers.SetCookie.ToString());
    }

    [Fact]
    public async Task InvokeAsync_CookieHoldingTheKeyItself_Rejected()
    {
        var context = await Run(Middleware(), "/api/v1/fleet", c => c.Request.Headers.Cookie = $"{ApiKeyMiddleware.CookieName}={Key}");

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
    }

    [Fact]
    public async Task InvokeAsync_BrowserNavigationWithoutCredentials_RedirectsToSignIn()
    {
        var context = await Run(Middleware(), "/alerts", c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Headers.Accept = "text/html,application/xhtml+xml";
            c.Request.QueryString = new QueryString("?tab=history");
        });

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Falerts%3Ftab%3Dhistory", context.Response.Headers.Location.ToString());
    }

    private ApiKeyMiddleware Middleware() => new(
        Next,
        new ApiKeyValidator(new ApiKeyOptions([Key])),
        _sessions,
        new ApiKeyMiddlewareOptions { OpenPaths = ["/sign-in"], OpenPathPrefixes = ["/_framework"], SignInPath = "/sign-in" },
        _logger);

    private Task Next(HttpContext context)
    {
        _nextCalled = true;
        return Task.CompletedTask;
    }

    private static async Task<HttpContext> Run(ApiKeyMiddleware middleware, string path, Action<HttpContext>? arrange = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = new MemoryStream();
        arrange?.Invoke(context);
        await middleware.InvokeAsync(context);
        return context;
    }

    private static JsonElement ReadBody(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return JsonDocument.Parse(context.Response.Body).RootElement.Clone();
    }

    private sealed class RecordingLogger : ILogger<ApiKeyMiddleware>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}
