using System.Net;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>GET /api/v1/model/quality on the real host with the fake (baseline) primary forecaster.</summary>
public sealed class ModelQualityApiTests
{
    private static readonly string[] Servers = ["ppdb001", "ppweb001"];

    [Fact]
    public async Task GetQuality_StepsMatured_LiveScoresPerForecasterAndBaselineHasNoDrift()
    {
        await using var server = await TestServerFixture.StartAsync();
        // Six steps of history, then one step at a time so every step is computed (an origin is kept at the
        // first, and its horizon step 4, every 4th step being scored, matures after the data time passes it).
        var origin = TestSamples.StepsAgo(20);
        await server.IngestAsync(TestSamples.Body(Servers, origin, steps: 6));
        await server.WaitForDataTimeAsync(origin);
        for (var step = 1; step <= 6; step++)
        {
            var at = origin.AddSeconds(step * (double)TestSamples.StepSeconds);
            await server.IngestAsync(TestSamples.Body(Servers, at, steps: 1));
            await server.WaitForDataTimeAsync(at);
        }

        var quality = await server.GetJsonAsync("/api/v1/model/quality");

        Assert.Equal("fake-primary", quality.GetProperty("model").GetProperty("name").GetString());
        Assert.False(quality.GetProperty("model").GetProperty("isModel").GetBoolean());
        Assert.False(quality.GetProperty("drift").GetProperty("available").GetBoolean());
        Assert.Contains("no training distribution", quality.GetProperty("drift").GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, quality.GetProperty("evaluation").ValueKind);
        var live = quality.GetProperty("live");
        Assert.Equal(12, live.GetProperty("horizonSteps").GetInt32());
        var forecaster = Assert.Single(live.GetProperty("forecasters").EnumerateArray());
        Assert.Equal("fake-primary", forecaster.GetProperty("name").GetString());
        var near = forecaster.GetProperty("buckets")[0];
        // Step 4 of the origin matured for 2 servers × the 8 metrics the samples carry; the flat data matches
        // the flat forecast exactly.
        Assert.Equal(16, near.GetProperty("maturedPoints").GetInt64());
        Assert.Equal(0, near.GetProperty("p50Mae").GetProperty("mem_used_pct").GetDouble(), 6);
        Assert.Equal(1, near.GetProperty("coverage80").GetDouble(), 6);
        var outcomes = quality.GetProperty("alertOutcomes").EnumerateArray().ToArray();
        Assert.Equal(["warning", "critical"], outcomes.Select(o => o.GetProperty("severity").GetString()!).ToArray());
        Assert.All(outcomes, o => Assert.Equal(JsonValueKind.Null, o.GetProperty("precision").ValueKind));
    }

    [Fact]
    public async Task GetQuality_ShadowOriginMatured_ShadowTableHasServingAndEveryBaselineOnSamePointsWithRatio()
    {
        await using var server = await TestServerFixture.StartAsync();
        var origin = TestSamples.StepsAgo(30);
        await server.IngestAsync(TestSamples.Body(Servers, origin, steps: 6));
        await server.WaitForDataTimeAsync(origin);

        // One step at a time until the first shadow origin (taken at the first step) has matured points; memory
        // zigzags so that no forecaster is exact.
        JsonElement shadow = default;
        for (var step = 1; step <= 20; step++)
        {
            var at = origin.AddSeconds(step * (double)TestSamples.StepSeconds);
            await server.IngestAsync(TestSamples.Body(Servers, at, steps: 1, memory: 50 + (step % 3 * 7)));
            await server.WaitForDataTimeAsync(at);
            shadow = (await server.GetJsonAsync("/api/v1/model/quality")).GetProperty("shadow");
            if (shadow.GetProperty("accuracy").GetProperty("forecasters").EnumerateArray().Any(f => f.GetProperty("maturedPoints").GetInt64() > 0))
            {
                break;
            }
        }

        var accuracy = shadow.GetProperty("accuracy");
        var rows = accuracy.GetProperty("forecasters").EnumerateArray().ToList();
        Assert.True(shadow.GetProperty("enabled").GetBoolean());
        Assert.Equal(12, shadow.GetProperty("everySteps").GetInt32());
        Assert.Equal(["linear-trend", "seasonal-naive", "holt-winters"], shadow.GetProperty("baselines").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(2, shadow.GetProperty("lastServers").GetInt32());
        Assert.True(shadow.GetProperty("lastRunMs").GetDouble() >= 0);
        Assert.Equal("fake-primary", accuracy.GetProperty("reference").GetString());
        Assert.Equal(["fake-primary", "linear-trend", "seasonal-naive", "holt-winters"], rows.Select(r => r.GetProperty("name").GetString()));
        var points = rows[0].GetProperty("maturedPoints").GetInt64();
        Assert.True(points > 0);
        Assert.All(rows, r => Assert.Equal(points, r.GetProperty("maturedPoints").GetInt64()));
        var referencePinball = rows[0].GetProperty("pinballMean").GetDouble();
        var best = rows.Skip(1).MinBy(r => r.GetProperty("pinballMean").GetDouble());
        Assert.True(best.GetProperty("pinballMean").GetDouble() > 0);
        Assert.Equal(best.GetProperty("name").GetString(), accuracy.GetProperty("bestBaseline").GetString());
        Assert.Equal(referencePinball / best.GetProperty("pinballMean").GetDouble(), accuracy.GetProperty("referenceToBestBaseline").GetDouble(), 9);
        // Serving forecasts are scored apart: the live table has only the serving forecaster.
        var live = (await server.GetJsonAsync("/api/v1/model/quality")).GetProperty("live");
        Assert.Equal(["fake-primary"], live.GetProperty("forecasters").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task GetQuality_ApiKeyConfigured_401WithoutKeyAnd200WithIt()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: ["secret-key-123"]);

        using var anonymous = await server.Client.GetAsync("/api/v1/model/quality");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/model/quality");
        request.Headers.Add("X-API-Key", "secret-key-123");
        using var authorised = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsModelQualityRoute()
    {
        await using var server = await TestServerFixture.StartAsync();

        var openApi = await server.GetJsonAsync("/openapi/v1.json");

        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/model/quality", out _));
    }
}
