using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

/// <summary>GET /api/v1/cascades on the real host: reads what the engine stored.</summary>
public sealed class CascadeApiTests
{
    [Fact]
    public async Task List_StoredCascades_ReturnsThemNewestFirstWithRootsAndAffectedServers()
    {
        await using var server = await TestServerFixture.StartAsync();
        var store = server.App.Services.GetRequiredService<ICascadeStore>();
        store.Save([TestCascades.Event(1, Samples.Origin.AddHours(-3), Samples.Origin.AddHours(-2)), TestCascades.Event(2, Samples.Origin.AddMinutes(-30))]);
        var range = "from=2026-11-28T08:00:00Z&to=2026-11-28T12:00:00Z";

        var all = await server.GetJsonAsync($"/api/v1/cascades?{range}");
        var active = await server.GetJsonAsync($"/api/v1/cascades?{range}&active=true");

        Assert.Equal(2, all.GetProperty("count").GetInt32());
        var newest = all.GetProperty("cascades")[0];
        Assert.Equal(2, newest.GetProperty("id").GetInt64());
        Assert.True(newest.GetProperty("active").GetBoolean());
        Assert.Equal("database", newest.GetProperty("dependency").GetString());
        Assert.Equal("medium", newest.GetProperty("severity").GetString());
        var root = newest.GetProperty("rootCandidates")[0];
        Assert.Equal("ppdb003", root.GetProperty("server").GetString());
        Assert.Equal("database", root.GetProperty("profile").GetString());
        var affected = newest.GetProperty("affected");
        Assert.Equal(3, affected.GetArrayLength());
        Assert.Equal("back_close_wait", affected[1].GetProperty("peakMetric").GetString());
        Assert.Equal(JsonValueKind.Null, newest.GetProperty("endedAt").ValueKind);
        Assert.Equal([2L], active.GetProperty("cascades").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("active=maybe", "active")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-11-28T12:00:00Z&to=2026-11-28T08:00:00Z", "from")]
    public async Task List_BadQuery_400NamingTheField(string query, string field)
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync($"/api/v1/cascades?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheCascadesRouteWithItsQuery()
    {
        await using var server = await TestServerFixture.StartAsync();

        var openApi = await server.GetJsonAsync("/openapi/v1.json");

        var get = openApi.GetProperty("paths").GetProperty("/api/v1/cascades").GetProperty("get");
        Assert.Equal(["active", "from", "to"], get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order());
    }
}
