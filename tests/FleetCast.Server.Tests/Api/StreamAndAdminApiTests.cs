using System.Net;
using System.Text;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class StreamAndAdminApiTests
{
    [Fact]
    public async Task Stream_AfterPublish_SendsSnapshotEvent()
    {
        await using var server = await TestServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        using var response = await server.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var last = TestSamples.StepsAgo(1);

        await server.IngestAsync(TestSamples.Body(["ppdb001"], last, steps: 1));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? data = null;
        while (data is null)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException();
            if (line == "event: snapshot")
            {
                data = (await reader.ReadLineAsync(timeout.Token))!["data: ".Length..];
            }
        }

        var payload = JsonDocument.Parse(data).RootElement;
        Assert.True(payload.GetProperty("version").GetInt64() >= 1);
        Assert.Equal(last, payload.GetProperty("dataTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task Scenario_WithoutSimulator_Returns404Problem()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PutAsync("/api/v1/admin/scenario", TestSamples.Json("""{"scenario":"critical"}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-simulator", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Scenario_Unknown_Returns400NamingValidScenarios()
    {
        await using var server = await TestServerFixture.StartAsync(scenario: new FakeScenarioControl());

        using var response = await server.Client.PutAsync("/api/v1/admin/scenario", TestSamples.Json("""{"scenario":"meltdown"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("unknown-scenario", text);
        Assert.Contains("cascade", text);
    }

    [Fact]
    public async Task Scenario_Critical_Returns200WithAffectedServers()
    {
        await using var server = await TestServerFixture.StartAsync(scenario: new FakeScenarioControl());

        using var response = await server.Client.PutAsync("/api/v1/admin/scenario", TestSamples.Json("""{"scenario":"critical"}"""));
        var current = await server.GetJsonAsync("/api/v1/admin/scenario");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("critical", body.GetProperty("scenario").GetString());
        Assert.Equal(["ppdb001", "ppweb001"], body.GetProperty("affectedServers").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("critical", current.GetProperty("scenario").GetString());
    }

    [Fact]
    public async Task AlertHistoryCsv_AfterValueOverCriticalThreshold_HasHeaderAndRow()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(["ppweb001"], last, steps: 4, memory: 99.5)); // a full look-back: a warming-up server raises no alert
        await server.WaitForDataTimeAsync(last);

        var active = await server.GetJsonAsync("/api/v1/alerts");
        var history = await server.GetJsonAsync("/api/v1/alerts/history");
        using var response = await server.Client.GetAsync("/api/v1/alerts/history.csv");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        // One alert for the server (an incident), listing its metrics.
        var alert = Assert.Single(active.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("server").GetString() == "ppweb001");
        Assert.Equal("mem_used_pct", alert.GetProperty("metric").GetString());
        Assert.Contains("mem_used_pct", alert.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(alert.GetProperty("findings").EnumerateArray(), f => f.GetProperty("metric").GetString() == "mem_used_pct");
        var stored = Assert.Single(history.GetProperty("alerts").EnumerateArray(), a => a.GetProperty("server").GetString() == "ppweb001");
        Assert.Contains("mem_used_pct", stored.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,server,metric,severity", lines[0]);
        Assert.EndsWith(",peak_severity,outcome,outcome_at,metrics,outcome_severity", lines[0]);
        // Fired on a value already over its threshold: it predicted nothing, so it has no outcome.
        var row = Assert.Single(lines.Skip(1), l => l.Contains(",ppweb001,", StringComparison.Ordinal));
        Assert.Contains(",ppweb001,mem_used_pct,critical,", row, StringComparison.Ordinal);
        Assert.Contains(",critical,,,", row, StringComparison.Ordinal);
        var cells = row.Split(',');
        Assert.Contains("mem_used_pct", cells[^2].Split(';'));
        Assert.Equal(string.Empty, cells[^1]); // no outcome, so no severity it was claimed at
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("outcomeSeverity").ValueKind);
    }

    [Fact]
    public async Task AlertHistory_BadFrom_Returns400ProblemNamingFrom()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/api/v1/alerts/history?from=yesterday-ish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task StatusAndOpenApi_AreServed()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(["ppdb001"], last, steps: 2));
        await server.WaitForDataTimeAsync(last);

        var status = await server.GetJsonAsync("/api/v1/status");
        var withServers = await server.GetJsonAsync("/api/v1/status?servers=true");
        var openApi = await server.GetJsonAsync("/openapi/v1.json");

        Assert.Equal("fake-primary", status.GetProperty("forecaster").GetProperty("primary").GetString());
        Assert.Equal(0.5, status.GetProperty("warmup").GetProperty("progress").GetDouble());
        Assert.False(status.GetProperty("warmup").TryGetProperty("servers", out var omitted) && omitted.ValueKind == JsonValueKind.Array);
        Assert.Equal(0.5, withServers.GetProperty("warmup").GetProperty("servers")[0].GetProperty("progress").GetDouble());
        Assert.True(status.GetProperty("snapshot").GetProperty("version").GetInt64() >= 1);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/servers/{name}", out _));
    }
}
