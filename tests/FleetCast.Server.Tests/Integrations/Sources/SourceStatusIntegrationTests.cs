using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Integrations.Sources;

/// <summary>The whole host with a scrape target whose port is closed at first, then served by a real node_exporter.</summary>
public sealed class SourceStatusIntegrationTests
{
    [Fact]
    public async Task Status_TargetDownThenUp_DownWithGrowingFailuresThenUpAndTheHostInTheFleet()
    {
        // Arrange
        var port = LoopbackProgram.FreePort();
        await using var server = await TestServerFixture.StartAsync(tune: o =>
        {
            o.Sources.Scrape = [new() { Url = $"127.0.0.1:{port}", Name = "local-node" }];
            o.Sources.IntervalSeconds = 0.2;
            o.Sources.RetryDelayMilliseconds = 50;
            o.Sources.MaxRetryDelaySeconds = 1;
        });

        // Act + Assert: down, failures growing, no success yet
        var down = await WaitForSourceAsync(server, s => s.GetProperty("consecutiveFailures").GetInt32() >= 3);
        Assert.Equal("local-node", down.GetProperty("name").GetString());
        Assert.Equal("node_exporter", down.GetProperty("kind").GetString());
        Assert.Equal($"http://127.0.0.1:{port}/metrics", down.GetProperty("url").GetString());
        Assert.Equal("down", down.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, down.GetProperty("lastSuccess").ValueKind);
        Assert.False(string.IsNullOrEmpty(down.GetProperty("lastError").GetString()));
        var failures = down.GetProperty("consecutiveFailures").GetInt32();
        var more = await WaitForSourceAsync(server, s => s.GetProperty("consecutiveFailures").GetInt32() > failures);
        Assert.Equal("down", more.GetProperty("state").GetString());

        // Act + Assert: the endpoint comes up, the source recovers and the host is scored with real values
        await using var exporter = await NodeExporterProgram.StartNodeExporterAsync(port);
        var up = await WaitForSourceAsync(server, s => s.GetProperty("state").GetString() == "up");
        Assert.Equal(0, up.GetProperty("consecutiveFailures").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, up.GetProperty("lastSuccess").ValueKind);
        JsonElement row = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var response = await server.Client.GetAsync("/api/v1/fleet");
            if (!response.IsSuccessStatusCode)
            {
                return false; // no snapshot yet
            }

            var fleet = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            row = fleet.GetProperty("servers").EnumerateArray().FirstOrDefault(s => s.GetProperty("name").GetString() == "local-node");
            return row.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(20)), "local-node never appeared in the fleet.");
        Assert.Equal("generic", row.GetProperty("profile").GetString());
        var memory = row.GetProperty("display").GetProperty("memory").GetProperty("current");
        Assert.InRange(memory.GetDouble(), 0, 100);
    }

    private static async Task<JsonElement> WaitForSourceAsync(TestServerFixture server, Func<JsonElement, bool> condition)
    {
        JsonElement source = default;
        var reached = await Eventually.TrueAsync(async () =>
        {
            var status = await server.GetJsonAsync("/api/v1/status");
            source = status.GetProperty("sources")[0];
            return condition(source);
        }, TimeSpan.FromSeconds(30));
        Assert.True(reached, $"The source never reached the expected state; last: {source}");
        return source;
    }
}
