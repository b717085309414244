using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FleetCast.Server.Api;
using FleetCast.Server.Auth;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>Cross-site forgery of admin changes and the security headers, on the real host.</summary>
public sealed class HardeningApiTests
{
    [Theory]
    [InlineData("application/x-www-form-urlencoded", "a=b")]
    [InlineData("text/plain", "{}")]
    [InlineData(null, null)]
    public async Task ModelReload_NotJson_Returns415ProblemAndReloadsNothing(string? contentType, string? body)
    {
        await using var server = await TestServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/admin/model/reload");
        if (contentType is not null)
        {
            request.Content = new StringContent(body!, Encoding.UTF8, contentType);
        }

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.EndsWith("unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ModelReload_Json_ReachesTheHandler()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PostAsync("/api/v1/admin/model/reload", TestSamples.Json("{}"));

        // The test host's primary is a baseline with no model directory: the handler's own 409, not the filter's 415.
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.EndsWith(ProblemTypes.ReloadUnavailable.Type, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Ingest_InvalidUtf8_Returns400ProblemNot500()
    {
        await using var server = await TestServerFixture.StartAsync();
        var body = Encoding.UTF8.GetBytes($$"""{ "samples": [ { "server": "ppdbXX", "timestamp": "{{TestSamples.StepsAgo(1):O}}", "metrics": { "cpu_user_pct": 1 } } ] }""");
        body[Array.IndexOf(body, (byte)'X')] = 0xC3;
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        using var response = await server.Client.PostAsync("/api/v1/ingest", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("[::1]", HttpStatusCode.OK)]
    public async Task LoopbackWithoutKeys_AnswersOnlyLoopbackHostNames(string host, HttpStatusCode expected)
    {
        await using var server = await TestServerFixture.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = $"{host}:{server.BaseAddress.Port}";

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Contains("host-not-allowed", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task LoopbackWithKeys_OtherHostNamesReachTheKeyCheck()
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: ["k-123456789012345678901234"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/fleet");
        request.Headers.Host = "fleetcast.internal.example";

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/api/v1/fleet")]
    [InlineData("/api/v1/servers/never-seen")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/css/fleetcast.css")]
    public async Task ApiAndStaticResponses_CarryTheSecurityHeadersWithTheFramingOnlyPolicy(string path)
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync(path);

        foreach (var (name, value) in SecurityHeaders.Values)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values), $"{path}: {name} missing ({response.StatusCode})");
            Assert.Equal(value, Assert.Single(values));
        }

        Assert.Equal("frame-ancestors 'none'", SecurityHeaders.Values["Content-Security-Policy"]);
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/signin", "k-123456789012345678901234")]
    public async Task Pages_CarryThePagePolicyAndTheOtherSecurityHeaders(string path, string? key)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: key is null ? null : [key]);

        using var response = await server.Client.GetAsync(path);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d.Split(' ')[1..]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["'self'"], directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"][0]);
        Assert.All(directives["script-src"][1..], source => Assert.StartsWith("'sha256-", source));
        Assert.DoesNotContain("'unsafe-eval'", policy);
        Assert.DoesNotContain("'unsafe-inline'", string.Join(' ', directives["script-src"]));
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(directives["style-src"], directives["style-src-elem"]);
        Assert.Equal("'self'", directives["style-src-elem"][0]);
        Assert.All(directives["style-src-elem"][1..], source => Assert.StartsWith("'sha256-", source));
        Assert.Equal(["'unsafe-inline'"], directives["style-src-attr"]);
        Assert.Equal(["'self'", "data:"], directives["img-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'self'"], directives["base-uri"]);
        Assert.Equal(["'self'"], directives["form-action"]);
        foreach (var (name, value) in SecurityHeaders.Values.Where(h => h.Key != "Content-Security-Policy"))
        {
            Assert.Equal(value, Assert.Single(response.Headers.GetValues(name)));
        }
    }

    [Fact]
    public async Task DashboardPage_EveryInlineScriptIsAllowedByItsHash_AndNoOtherInlineScript()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var inline = Regex.Matches(html, "<script(?<attrs>[^>]*)>(?<body>.*?)</script>", RegexOptions.Singleline)
            .Where(m => !m.Groups["attrs"].Value.Contains("src=", StringComparison.Ordinal))
            .Select(m => (Attributes: m.Groups["attrs"].Value, Body: m.Groups["body"].Value))
            .ToArray();

        // The import map is the only inline script, and the policy carries the hash of its exact text.
        var importMap = Assert.Single(inline);
        Assert.Contains("type=\"importmap\"", importMap.Attributes);
        Assert.Contains("\"imports\"", importMap.Body);
        Assert.Contains(ContentSecurityPolicy.HashOf(importMap.Body), policy);
        Assert.Contains("js/fleetcast-start", html);
    }

    [Theory]
    [InlineData("/", null)]
    [InlineData("/signin", "k-123456789012345678901234")]
    public async Task Pages_EveryInlineStyleBlockIsAllowedByItsHash(string path, string? key)
    {
        await using var server = await TestServerFixture.StartAsync(apiKeys: key is null ? null : [key]);

        using var response = await server.Client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var styleElements = policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith("style-src-elem ", StringComparison.Ordinal));
        var blocks = Regex.Matches(html, "<style[^>]*>(?<body>.*?)</style>", RegexOptions.Singleline).Select(m => m.Groups["body"].Value).ToArray();

        Assert.Equal(blocks.Length, styleElements.Split(' ').Count(source => source.StartsWith("'sha256-", StringComparison.Ordinal)));
        Assert.All(blocks, block => Assert.Contains(ContentSecurityPolicy.HashOf(block), styleElements));
        Assert.Equal(path == "/signin" ? 1 : 0, blocks.Length);
    }

    [Fact]
    public async Task CostInputs_DuplicateProperty_Returns400NamingItAndStoresNothing()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PutAsync("/api/v1/admin/cost-inputs",
            TestSamples.Json("""{"costPerHour":100,"outageHours":2,"shareActedOn":0.5,"costPerHour":1000000}"""));

        await AlertActionApiTests.AssertDuplicateProblemAsync(response, "costPerHour");
        Assert.False((await server.GetJsonAsync("/api/v1/cost-avoidance")).GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task SilenceList_UnreadableQueryParameter_Returns400NamingItWithoutTypeNames()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/api/v1/silences?includeInactive=perhaps");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty("includeInactive", out _), body);
        Assert.DoesNotContain("bool", body);
    }
}
