using System.Net;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>A JSON body with a property the route does not know is refused by name, as ingest does, rather than read
/// without it: a silence sent with "severity" would otherwise silence the whole server.</summary>
public sealed class UnknownPropertyApiTests
{
    [Fact]
    public async Task Silence_UnknownSeverity_Returns400NamingItAndCreatesNothing()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PostAsync("/api/v1/silences",
            TestSamples.Json("""{"server":"ppweb001","severity":"critical","who":"bob","reason":"maintenance","durationMinutes":60}"""));

        var message = await AssertUnknownPropertyAsync(response, "severity");
        Assert.Equal("Property 'severity' is not known; expected server, metric, who, reason, until, durationMinutes.", message);
        Assert.Equal(0, (await server.GetJsonAsync("/api/v1/silences?includeInactive=true")).GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("POST", "/api/v1/alerts/1/ack", """{"who":"alice","coment":"typo"}""", "coment")]
    [InlineData("POST", "/api/v1/alerts/ppweb001/mem_used_pct/critical/ack", """{"who":"alice","by":"x"}""", "by")]
    [InlineData("PUT", "/api/v1/admin/scenario", """{"scenario":"critical","servers":3}""", "servers")]
    [InlineData("POST", "/api/v1/remediation/actions/1/approve", """{"who":"alice","force":true}""", "force")]
    [InlineData("POST", "/api/v1/remediation/actions/1/reject", """{"who":"alice","Comment":"c","extra":null}""", "extra")]
    public async Task Changes_UnknownProperty_Return400NamingIt(string method, string path, string body, string property)
    {
        await using var server = await TestServerFixture.StartAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = TestSamples.Json(body) };

        using var response = await server.Client.SendAsync(request);

        await AssertUnknownPropertyAsync(response, property);
    }

    [Fact]
    public async Task CostInputs_MisspelledField_Returns400NamingItAndStoresNothing()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PutAsync("/api/v1/admin/cost-inputs",
            TestSamples.Json("""{"costPerHour":100,"outageHours":1,"shareActedOn":0.5,"curency":"EUR"}"""));

        var message = await AssertUnknownPropertyAsync(response, "curency");
        Assert.Contains("costPerHour, outageHours, shareActedOn, currency", message, StringComparison.Ordinal);
        Assert.False((await server.GetJsonAsync("/api/v1/cost-avoidance")).GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task CostInputs_KnownFieldsOnly_AreStored()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PutAsync("/api/v1/admin/cost-inputs",
            TestSamples.Json("""{"costPerHour":100,"outageHours":1,"shareActedOn":0.5,"currency":"EUR"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await server.GetJsonAsync("/api/v1/cost-avoidance")).GetProperty("configured").GetBoolean());
    }

    /// <returns>The message under the property's name.</returns>
    private static async Task<string> AssertUnknownPropertyAsync(HttpResponseMessage response, string property)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/validation", problem.GetProperty("type").GetString());
        var message = problem.GetProperty("errors").GetProperty(property)[0].GetString()!;
        Assert.StartsWith($"Property '{property}' is not known", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Request", body, StringComparison.Ordinal); // no .NET type name
        Assert.DoesNotContain("System.", body, StringComparison.Ordinal);
        return message;
    }
}
