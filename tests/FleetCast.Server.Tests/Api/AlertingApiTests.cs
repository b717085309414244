using System.Net;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class AlertingApiTests
{
    [Fact]
    public async Task GetRoutes_RouteWithToken_ShowsConfiguredNeverTheSecret()
    {
        // Arrange
        await using var server = await TestServerFixture.StartAsync(tune: o =>
        {
            o.Alerting.Routes.Add(TestAlerts.Route("pager", "webhook", "https://hooks.example/in?key=url-s3cret", minLevel: "critical", profiles: "database", token: "t0ken-s3cret"));
            o.Alerting.Routes.Add(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"));
        });

        // Act
        using var response = await server.Client.GetAsync("/api/v1/alerting/routes");
        var body = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("s3cret", body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
        var pager = json.RootElement.GetProperty("routes")[0];
        Assert.Equal("pager", pager.GetProperty("name").GetString());
        Assert.Equal("webhook", pager.GetProperty("type").GetString());
        Assert.Equal("https://hooks.example/in?…", pager.GetProperty("url").GetString());
        Assert.Equal("critical", pager.GetProperty("minLevel").GetString());
        Assert.Equal("configured", pager.GetProperty("auth").GetString());
        Assert.Equal(0, pager.GetProperty("deliveries").GetProperty("pending").GetInt64());
        var am = json.RootElement.GetProperty("routes")[1];
        Assert.Equal("http://127.0.0.1:9093/api/v2/alerts", am.GetProperty("url").GetString());
        Assert.Equal("none", am.GetProperty("auth").GetString());
    }

    [Fact]
    public async Task GetDeliveries_LimitOutOfRange_Is400NamingLimit()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/api/v1/alerting/deliveries?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"limit\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_ListsAlertingRoutes()
    {
        await using var server = await TestServerFixture.StartAsync();

        var document = await server.Client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/alerting/routes", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/alerting/deliveries", document, StringComparison.Ordinal);
    }
}
