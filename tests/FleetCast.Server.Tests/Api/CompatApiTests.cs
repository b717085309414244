using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

public sealed class CompatApiTests
{
    [Fact]
    public async Task PredictionsCurrent_ReturnsSnakeCaseShapeWithFullQuantilesSerialisedOncePerVersion()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(["ppdb001", "ppweb001"], last, steps: 4));
        await server.WaitForDataTimeAsync(last);
        var cache = server.App.Services.GetRequiredService<CompatPredictionsCache>();

        var first = await server.GetJsonAsync("/predictions/current");
        var serialisedAfterFirst = cache.Serialisations;
        await server.GetJsonAsync("/predictions/current");

        Assert.Equal(serialisedAfterFirst, cache.Serialisations);
        var ppdb = first.GetProperty("predictions").GetProperty("ppdb001");
        Assert.Equal(12, ppdb.GetProperty("cpu_user_pct").GetProperty("p90").GetArrayLength());
        Assert.Equal(20, ppdb.GetProperty("cpu_user_pct").GetProperty("current").GetDouble());
        Assert.Equal("database", ppdb.GetProperty("profile").GetString());
        Assert.True(ppdb.TryGetProperty("risk_score", out _));
        foreach (var key in new[] { "level", "score", "color", "label" })
        {
            Assert.True(ppdb.GetProperty("alert").TryGetProperty(key, out _), key);
        }

        Assert.True(ppdb.GetProperty("display_metrics").GetProperty("cpu").TryGetProperty("predicted", out _));
        foreach (var key in new[] { "prob_30m", "prob_8h", "high_risk_servers", "total_servers", "fleet_health" })
        {
            Assert.True(first.GetProperty("environment").TryGetProperty(key, out _), key);
        }

        Assert.Equal(12, first.GetProperty("metadata").GetProperty("horizon_steps").GetInt32());
        var summary = first.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("total_servers").GetInt32());
        var counted = new[] { "critical_count", "warning_count", "degrading_count", "healthy_count" }.Sum(k => summary.GetProperty(k).GetInt32());
        Assert.Equal(2, counted);
        Assert.True(summary.TryGetProperty("top_5_risks", out _));
    }

    [Fact]
    public async Task OldHealthStatusAndActiveAlerts_KeepTheirShapes()
    {
        await using var server = await TestServerFixture.StartAsync();

        var health = await server.GetJsonAsync("/health");
        var status = await server.GetJsonAsync("/status");
        var alerts = await server.GetJsonAsync("/alerts/active");

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("running").GetBoolean());
        Assert.Equal(4, status.GetProperty("window_size").GetInt32());
        Assert.False(status.GetProperty("warmup").GetProperty("is_warmed_up").GetBoolean());
        Assert.True(status.GetProperty("warmup").TryGetProperty("progress_percent", out _));
        Assert.Equal(0, alerts.GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Array, alerts.GetProperty("alerts").ValueKind);
    }
}
