using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class FleetApiTests
{
    private static readonly string[] Servers = ["ppdb001", "ppweb001", "ppml0001"];

    [Fact]
    public async Task GetFleet_BeforeFirstSnapshot_Returns503Problem()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/api/v1/fleet");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/no-snapshot", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetFleet_AfterIngest_ReturnsCamelCaseSnapshotWithEveryServerScored()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 6));
        await server.WaitForDataTimeAsync(last);

        var fleet = await server.GetJsonAsync("/api/v1/fleet");

        Assert.True(fleet.GetProperty("version").GetInt64() >= 1);
        Assert.Equal(last, fleet.GetProperty("dataTime").GetDateTimeOffset());
        Assert.Equal(300, fleet.GetProperty("stepSeconds").GetInt32());
        Assert.Equal("fake-primary", fleet.GetProperty("forecaster").GetString());
        Assert.Equal(3, fleet.GetProperty("summary").GetProperty("totalServers").GetInt32());
        Assert.True(fleet.GetProperty("environment").TryGetProperty("incidentIndicator30m", out _));
        var levels = new[] { "imminent-failure", "critical", "danger", "warning", "degrading", "watch", "healthy" };
        var rows = fleet.GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(Servers.Order(), rows.Select(r => r.GetProperty("name").GetString()).Order());
        foreach (var row in rows)
        {
            Assert.Equal(JsonValueKind.Number, row.GetProperty("riskScore").ValueKind);
            Assert.Contains(row.GetProperty("level").GetString(), levels);
            Assert.True(row.GetProperty("ready").GetBoolean());
            Assert.True(row.GetProperty("display").TryGetProperty("cpu", out _));
        }

        Assert.Equal("database", rows.Single(r => r.GetProperty("name").GetString() == "ppdb001").GetProperty("profile").GetString());
    }

    [Fact]
    public async Task GetFleet_WithMatchingETag_Returns304AndGzipWhenAsked()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 2));
        await server.WaitForDataTimeAsync(last);

        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fleet");
        gzipRequest.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var gzipped = await server.Client.SendAsync(gzipRequest);
        var etag = gzipped.Headers.ETag!.Tag;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fleet");
        conditional.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
        using var notModified = await server.Client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal("gzip", Assert.Single(gzipped.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        await using var unzip = new GZipStream(await gzipped.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var json = await JsonDocument.ParseAsync(unzip);
        Assert.Equal(3, json.RootElement.GetProperty("servers").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task GetServer_Known_ReturnsHistoryAndQuantileForecast()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 5, memory: 61));
        await server.WaitForDataTimeAsync(last);

        var detail = await server.GetJsonAsync("/api/v1/servers/ppdb001");

        Assert.Equal("ppdb001", detail.GetProperty("name").GetString());
        Assert.Equal("database", detail.GetProperty("profile").GetString());
        Assert.False(detail.GetProperty("stale").GetBoolean());
        Assert.Equal("fake-primary", detail.GetProperty("forecaster").GetString());
        var memory = detail.GetProperty("history").GetProperty("mem_used_pct").EnumerateArray().ToList();
        Assert.Equal(5, memory.Count);
        Assert.All(memory, point => Assert.Equal(61, point.GetProperty("v").GetDouble()));
        Assert.False(detail.GetProperty("history").TryGetProperty("java_cpu_pct", out _));
        var forecast = detail.GetProperty("forecast").GetProperty("mem_used_pct");
        Assert.Equal(12, forecast.GetProperty("p50").GetArrayLength());
        Assert.Equal(60, forecast.GetProperty("p10")[0].GetDouble());
        Assert.Equal(62, forecast.GetProperty("p90")[0].GetDouble());
    }

    [Fact]
    public async Task GetServerSummary_Known_ReturnsItsSnapshotRowOnly()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 3, memory: 61));
        var published = await server.WaitForDataTimeAsync(last);

        var summary = await server.GetJsonAsync("/api/v1/servers/ppdb001/summary");

        var row = published.Snapshot.Servers.Single(r => r.Name == "ppdb001");
        Assert.Equal("ppdb001", summary.GetProperty("name").GetString());
        Assert.Equal("database", summary.GetProperty("profile").GetString());
        Assert.Equal(row.RiskScore, summary.GetProperty("riskScore").GetDouble());
        Assert.True(summary.TryGetProperty("display", out _));
        Assert.False(summary.TryGetProperty("history", out _));
        Assert.False(summary.TryGetProperty("forecast", out _));
    }

    [Fact]
    public async Task GetServerSummary_Unknown_Returns404Problem()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 1));
        await server.WaitForDataTimeAsync(last);

        using var response = await server.Client.GetAsync("/api/v1/servers/nosuch/summary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetServer_Unknown_Returns404Problem()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 1));
        await server.WaitForDataTimeAsync(last);

        using var response = await server.Client.GetAsync("/api/v1/servers/nosuch");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/server-not-found", problem.GetProperty("type").GetString());
        Assert.Contains("nosuch", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetExplanation_WithBaseline_Returns409ProblemNamingTheForecaster()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 6));
        await server.WaitForDataTimeAsync(last);

        using var response = await server.Client.GetAsync("/api/v1/servers/ppdb001/explanation");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("fake-primary", await response.Content.ReadAsStringAsync());
    }
}
