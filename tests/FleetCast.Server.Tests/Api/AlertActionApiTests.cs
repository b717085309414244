using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class AlertActionApiTests
{
    [Fact]
    public async Task AcknowledgeById_FiringAlert_ActiveAlertsShowWhoAndAt()
    {
        await using var server = await StartWithCriticalMemoryAlertAsync();
        var id = (await FindMemoryAlertAsync(server)).GetProperty("id").GetInt64();

        using var response = await server.Client.PostAsJsonAsync($"/api/v1/alerts/{id}/ack", new { who = "alice", comment = "looking" });
        var alert = await FindMemoryAlertAsync(server);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alice", alert.GetProperty("acknowledged").GetProperty("by").GetString());
        Assert.Equal("looking", alert.GetProperty("acknowledged").GetProperty("comment").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("silenced").ValueKind);
        Assert.Equal(1, (await server.GetJsonAsync("/api/v1/alerts")).GetProperty("acknowledgedCount").GetInt32());
    }

    [Fact]
    public async Task AcknowledgeByKey_MissingWho_Returns400NamingWhoAndChangesNothing()
    {
        await using var server = await StartWithCriticalMemoryAlertAsync();

        using var response = await server.Client.PostAsJsonAsync("/api/v1/alerts/ppweb001/mem_used_pct/critical/ack", new { comment = "x" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://fleetcast.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("who", out _));
        Assert.Equal(JsonValueKind.Null, (await FindMemoryAlertAsync(server)).GetProperty("acknowledged").ValueKind);
    }

    [Fact]
    public async Task AcknowledgeByKey_AlertNotFiring_Returns404Problem()
    {
        await using var server = await StartWithCriticalMemoryAlertAsync();

        using var response = await server.Client.PostAsJsonAsync("/api/v1/alerts/ppweb001/swap_used_pct/critical/ack", new { who = "alice" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("https://fleetcast.dev/problems/alert-not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task CreateSilence_ForServer_AlertFlaggedListedAndKeptAcrossRestart()
    {
        using var directory = new TempDirectory();
        long silenceId;
        await using (var server = await StartWithCriticalMemoryAlertAsync(directory.Path))
        {
            using var response = await server.Client.PostAsJsonAsync("/api/v1/silences",
                new { server = "ppweb001", who = "bob", reason = "maintenance", durationMinutes = 240 });
            var created = await response.Content.ReadFromJsonAsync<JsonElement>();
            silenceId = created.GetProperty("id").GetInt64();
            var alert = await FindMemoryAlertAsync(server);

            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal($"/api/v1/silences/{silenceId}", response.Headers.Location?.ToString());
            Assert.True(created.GetProperty("active").GetBoolean());
            Assert.Equal("bob", alert.GetProperty("silenced").GetProperty("by").GetString());
            Assert.Equal(silenceId, alert.GetProperty("silenced").GetProperty("silenceId").GetInt64());
        }

        await using var restarted = await TestServerFixture.StartAsync(directory.Path);
        var list = await restarted.GetJsonAsync("/api/v1/silences");

        var silence = Assert.Single(list.GetProperty("silences").EnumerateArray());
        Assert.Equal(silenceId, silence.GetProperty("id").GetInt64());
        Assert.Equal("ppweb001", silence.GetProperty("server").GetString());
        Assert.Equal(JsonValueKind.Null, silence.GetProperty("metric").ValueKind);
        Assert.Equal("maintenance", silence.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task CreateSilence_InvalidBody_Returns400NamingEachFieldAndStoresNothing()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PostAsJsonAsync("/api/v1/silences",
            new { metric = "memory", until = DateTimeOffset.UtcNow.AddDays(40) });
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["metric", "reason", "until", "who"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, (await server.GetJsonAsync("/api/v1/silences?includeInactive=true")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task CancelSilence_Active_EndsItThenSecondCancelIs409()
    {
        await using var server = await TestServerFixture.StartAsync();
        using var create = await server.Client.PostAsJsonAsync("/api/v1/silences",
            new { metric = "mem_used_pct", who = "bob", reason = "known leak", until = DateTimeOffset.UtcNow.AddHours(1) });
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var noWho = await server.Client.DeleteAsync($"/api/v1/silences/{id}");
        using var cancel = await server.Client.DeleteAsync($"/api/v1/silences/{id}?who=carol");
        var cancelled = await cancel.Content.ReadFromJsonAsync<JsonElement>();
        using var again = await server.Client.DeleteAsync($"/api/v1/silences/{id}?who=carol");
        using var unknown = await server.Client.DeleteAsync($"/api/v1/silences/{id + 1}?who=carol");

        Assert.Equal(HttpStatusCode.BadRequest, noWho.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.False(cancelled.GetProperty("active").GetBoolean());
        Assert.Equal("carol", cancelled.GetProperty("cancelledBy").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, (await server.GetJsonAsync("/api/v1/silences")).GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AcknowledgeAndSilence_NotJson_Return415AndChangeNothing(string contentType)
    {
        await using var server = await StartWithCriticalMemoryAlertAsync();
        var id = (await FindMemoryAlertAsync(server)).GetProperty("id").GetInt64();
        var ack = """{"who":"mallory"}""";
        var silence = """{"server":"ppweb001","who":"mallory","reason":"forged","durationMinutes":60}""";

        using var byId = await server.Client.PostAsync($"/api/v1/alerts/{id}/ack", new StringContent(ack, Encoding.UTF8, contentType));
        using var byKey = await server.Client.PostAsync("/api/v1/alerts/ppweb001/mem_used_pct/critical/ack", new StringContent(ack, Encoding.UTF8, contentType));
        using var created = await server.Client.PostAsync("/api/v1/silences", new StringContent(silence, Encoding.UTF8, contentType));

        await JsonOnlyApiTests.AssertUnsupportedMediaTypeAsync(byId);
        await JsonOnlyApiTests.AssertUnsupportedMediaTypeAsync(byKey);
        await JsonOnlyApiTests.AssertUnsupportedMediaTypeAsync(created);
        Assert.Equal(JsonValueKind.Null, (await FindMemoryAlertAsync(server)).GetProperty("acknowledged").ValueKind);
        Assert.Equal(0, (await server.GetJsonAsync("/api/v1/silences?includeInactive=true")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AcknowledgeAndSilence_DuplicateProperty_Return400NamingItAndChangeNothing()
    {
        await using var server = await StartWithCriticalMemoryAlertAsync();
        var id = (await FindMemoryAlertAsync(server)).GetProperty("id").GetInt64();

        using var ack = await server.Client.PostAsync($"/api/v1/alerts/{id}/ack", TestSamples.Json("""{"who":"alice","who":"mallory"}"""));
        using var silence = await server.Client.PostAsync("/api/v1/silences",
            TestSamples.Json("""{"server":"ppweb001","who":"bob","reason":"maintenance","durationMinutes":60,"durationMinutes":43200}"""));

        await AssertDuplicateProblemAsync(ack, "who");
        await AssertDuplicateProblemAsync(silence, "durationMinutes");
        Assert.Equal(JsonValueKind.Null, (await FindMemoryAlertAsync(server)).GetProperty("acknowledged").ValueKind);
        Assert.Equal(0, (await server.GetJsonAsync("/api/v1/silences?includeInactive=true")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Silence_ServerNameIngestRefusesOrControlCharacterInWho_Return400NamingEachAndCreateNothing()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PostAsync("/api/v1/silences",
            TestSamples.Json("""{"server":"=cmd|' /C calc'!A0","who":"bob\nforged","reason":"maintenance","durationMinutes":60}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["server", "who"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("as ingest requires", errors.GetProperty("server")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("control characters", errors.GetProperty("who")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await server.GetJsonAsync("/api/v1/silences?includeInactive=true")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Acknowledge_MalformedJson_Returns400NamingThePathWithoutTypeNames()
    {
        await using var server = await StartWithCriticalMemoryAlertAsync();
        var id = (await FindMemoryAlertAsync(server)).GetProperty("id").GetInt64();

        using var response = await server.Client.PostAsync($"/api/v1/alerts/{id}/ack", TestSamples.Json("""{"who":["alice"]}"""));
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("who", out _), body);
        Assert.DoesNotContain("AcknowledgeRequest", body);
        Assert.DoesNotContain("System.", body);
        Assert.DoesNotContain("Exception", body); // no exception type or stack trace
        Assert.DoesNotContain("   at ", body);
        Assert.Equal(JsonValueKind.Null, (await FindMemoryAlertAsync(server)).GetProperty("acknowledged").ValueKind);
    }

    internal static async Task AssertDuplicateProblemAsync(HttpResponseMessage response, string property)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.Contains($"'{property}' appears more than once", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(property, out _), body);
        Assert.DoesNotContain("Request", problem.GetProperty("detail").GetString()); // no .NET type name (AcknowledgeRequest, SilenceRequest)
        Assert.DoesNotContain("System.", body);
    }

    [Fact]
    public async Task OpenApi_ListsAcknowledgeAndSilenceOperations()
    {
        await using var server = await TestServerFixture.StartAsync();

        var paths = (await server.GetJsonAsync("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/alerts/{id}/ack").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/alerts/{server}/{metric}/{severity}/ack").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/silences").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/silences/{id}").TryGetProperty("delete", out _));
    }

    private static async Task<TestServerFixture> StartWithCriticalMemoryAlertAsync(string? dataDir = null)
    {
        var server = await TestServerFixture.StartAsync(dataDir);
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(["ppweb001"], last, steps: 4, memory: 99.5)); // a full look-back: a warming-up server raises no alert
        await server.WaitForDataTimeAsync(last);
        await WaitForStoredAlertIdAsync(server);
        return server;
    }

    /// <summary>The engine stores the fired alert around the publish; poll until its event id is listed.</summary>
    private static async Task WaitForStoredAlertIdAsync(TestServerFixture server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var alerts = (await server.GetJsonAsync("/api/v1/alerts")).GetProperty("alerts").EnumerateArray();
            if (alerts.Any(a => a.GetProperty("metric").GetString() == "mem_used_pct" && a.GetProperty("id").ValueKind == JsonValueKind.Number))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The critical mem_used_pct alert of ppweb001 was not stored with an id.");
    }

    private static async Task<JsonElement> FindMemoryAlertAsync(TestServerFixture server) =>
        (await server.GetJsonAsync("/api/v1/alerts")).GetProperty("alerts").EnumerateArray()
            .Single(a => a.GetProperty("server").GetString() == "ppweb001" && a.GetProperty("metric").GetString() == "mem_used_pct"
                && a.GetProperty("severity").GetString() == "critical");
}
