using System.Net;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

public sealed class IngestApiTests
{
    [Fact]
    public async Task Ingest_InvalidSamples_Returns400ProblemWithErrorsKeyedByPathAndStoresNothing()
    {
        await using var server = await TestServerFixture.StartAsync();
        var at = TestSamples.StepsAgo(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var body = $$$"""{"samples":[{"server":"ppdb001","timestamp":"{{{at}}}","metrics":{"cpu_user_pct":10}},{"server":"ppdb002","timestamp":"{{{at}}}","metrics":{"cpu_user_pct":150,"bogus_metric":1}}]}""";

        using var response = await server.Client.PostAsync("/api/v1/ingest", TestSamples.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/validation", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("samples[1].metrics.cpu_user_pct", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("samples[1].metrics.bogus_metric", out _), errors.ToString());
        Assert.Equal(0, server.App.Services.GetRequiredService<IWindowStore>().ServerCount);
    }

    [Fact]
    public async Task Ingest_BodyOverLimit_Returns413Problem()
    {
        await using var server = await TestServerFixture.StartAsync(tune: o => o.Ingest.MaxBodyBytes = 2048);
        var body = TestSamples.Body(Enumerable.Range(0, 20).Select(i => $"ppweb{i:000}"), TestSamples.StepsAgo(1), steps: 1);

        using var response = await server.Client.PostAsync("/api/v1/ingest", TestSamples.Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/payload-too-large", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Ingest_Valid_Returns202WithCounts()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PostAsync("/api/v1/ingest", TestSamples.Json(TestSamples.Body(["ppdb001", "ppdb002"], TestSamples.StepsAgo(1), steps: 3)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(6, body.GetProperty("accepted").GetInt32());
        Assert.Equal(2, body.GetProperty("serversTracked").GetInt32());
    }

    [Fact]
    public async Task FeedData_CompatRecords_ReturnsOldAcceptedShape()
    {
        await using var server = await TestServerFixture.StartAsync();
        var at = TestSamples.StepsAgo(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ");
        var body = $$"""{"records":[{"timestamp":"{{at}}","server_name":"ppdb001","profile":"database","cpu_user_pct":12.5,"mem_used_pct":70}]}""";

        using var response = await server.Client.PostAsync("/feed/data", TestSamples.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("accepted", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("servers_tracked").GetInt32());
        foreach (var key in new[] { "tick", "window_size", "servers_ready", "warmup_complete" })
        {
            Assert.True(json.TryGetProperty(key, out _), key);
        }
    }
}
