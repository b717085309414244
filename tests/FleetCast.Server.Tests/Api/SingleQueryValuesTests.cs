using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Tests.Shared;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

/// <summary>A query parameter given more than once is refused by name, not joined with commas or read as a bad value.</summary>
public sealed class SingleQueryValuesTests
{
    [Theory]
    [InlineData("/api/v1/alerts/history?server=a&server=b", "server")]
    [InlineData("/api/v1/alerts/history.csv?from=2026-11-28T08:00:00Z&from=2026-11-28T09:00:00Z", "from")]
    [InlineData("/api/v1/history?to=2026-11-28T08:00:00Z&TO=2026-11-28T09:00:00Z", "to")]
    [InlineData("/api/v1/cascades?active=true&active=false", "active")]
    [InlineData("/api/v1/cost-avoidance?to=2026-11-28T08:00:00Z&to=2026-11-28T08:00:00Z", "to")]
    [InlineData("/api/v1/alerting/deliveries?limit=1&limit=2", "limit")]
    [InlineData("/api/v1/alerting/deliveries?route=a&route=b", "route")]
    [InlineData("/api/v1/remediation/actions?status=pending&status=done", "status")]
    [InlineData("/api/v1/silences?includeInactive=true&includeInactive=true", "includeInactive")]
    [InlineData("/api/v1/status?servers=true&servers=true", "servers")]
    public async Task Get_ParameterGivenTwice_Returns400NamingIt(string path, string parameter)
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("given more than once", errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_EachParameterOnce_IsAnswered()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/api/v1/alerts/history?server=a&from=2026-11-28T08:00:00Z&to=2026-11-28T09:00:00Z&unknown=1&unknown=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task CancelSilence_WhoGivenTwice_Returns400AndTheSilenceStaysActive()
    {
        await using var server = await TestServerFixture.StartAsync();
        using var create = await server.Client.PostAsJsonAsync("/api/v1/silences",
            new { metric = "mem_used_pct", who = "bob", reason = "known leak", until = DateTimeOffset.UtcNow.AddHours(1) });
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var response = await server.Client.DeleteAsync($"/api/v1/silences/{id}?who=a&who=b");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("who", out _));
        var silence = Assert.Single((await server.GetJsonAsync("/api/v1/silences")).GetProperty("silences").EnumerateArray());
        Assert.True(silence.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task QueryParameterNames_LeaveOutRouteValuesAndServices()
    {
        await using var server = await TestServerFixture.StartAsync();
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        string[] Names(string name) => SingleQueryValues.QueryParameterNames(
            Assert.Single(endpoints, e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name));

        Assert.Equal(["who"], Names("CancelSilence"));
        Assert.Equal(["from", "to", "server"], Names("AlertHistory"));
        Assert.Empty(Names("CreateSilence"));
    }
}
