using System.Net;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class CostApiTests
{
    [Fact]
    public async Task PutCostInputs_Invalid_400NamingEachFieldAndNothingStored()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PutAsync("/api/v1/admin/cost-inputs",
            TestSamples.Json("""{"costPerHour":-5,"outageHours":2,"shareActedOn":1.2}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("costPerHour", out _));
        Assert.True(errors.TryGetProperty("shareActedOn", out _));
        Assert.False(errors.TryGetProperty("outageHours", out _));
        var report = await server.GetJsonAsync("/api/v1/cost-avoidance");
        Assert.False(report.GetProperty("configured").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ValueOrNull(report, "estimate"));
    }

    [Fact]
    public async Task PutCostInputs_Valid_GetShowsInputsFormulaAndAnEstimate()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: ["k-cost-test-0123456789"]);
        server.Client.DefaultRequestHeaders.Add("X-API-Key", "k-cost-test-0123456789");

        using var put = await server.Client.PutAsync("/api/v1/admin/cost-inputs",
            TestSamples.Json("""{"costPerHour":1000,"outageHours":2,"shareActedOn":0.5,"currency":"EUR"}"""));
        var report = await server.GetJsonAsync("/api/v1/cost-avoidance?from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(report.GetProperty("configured").GetBoolean());
        var inputs = report.GetProperty("inputs");
        Assert.Equal(1000, inputs.GetProperty("costPerHour").GetDouble());
        Assert.StartsWith("api key sha256:", inputs.GetProperty("updatedBy").GetString());
        Assert.DoesNotContain("k-cost-test", inputs.GetProperty("updatedBy").GetString());
        Assert.Contains("costPerHour", report.GetProperty("formula").GetString());
        Assert.Equal(0, report.GetProperty("estimate").GetProperty("avoided").GetDouble());
        Assert.Equal("estimate", report.GetProperty("estimate").GetProperty("label").GetString());
    }

    [Fact]
    public async Task PutCostInputs_NotJson_415()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PutAsync("/api/v1/admin/cost-inputs",
            new StringContent("costPerHour=1", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static JsonValueKind ValueOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind : JsonValueKind.Null;
}
