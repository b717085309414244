using System.Net;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class AuthApiTests
{
    private const string Key = "test-key-0123456789abcdef";

    [Theory]
    [InlineData("/api/v1/fleet")]
    [InlineData("/metrics")]
    [InlineData("/api/v1/status")]
    public async Task ProtectedRoute_WithoutKey_Returns401(string path)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ProtectedRoute_WithWrongKey_Returns403()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-API-Key", "wrong");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithKey_ReturnsPrometheusText()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("Authorization", $"Bearer {Key}");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("fleetcast_snapshot_step_seconds", text);
        Assert.Contains("fleetcast_ingest_samples_total", text);
        Assert.Contains("fleetcast_dashboard_sessions 0", text);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/health")]
    [InlineData("/status")]
    [InlineData("/version")]
    [InlineData("/signin")]
    public async Task OpenRoute_WithoutKey_IsServed(string path)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_WithoutKeyBeforeSnapshot_Returns503NotAuthError()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key]);

        using var response = await server.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
