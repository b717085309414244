using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Tests.Shared;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

/// <summary>Changes that a form or a no-CORS fetch on another site could send (text/plain, form bodies) are refused
/// with 415 before they reach the handler.</summary>
public sealed class JsonOnlyApiTests
{
    public static TheoryData<string, string> ForgeableBodies => new()
    {
        { "text/plain", "{}" },
        { "application/x-www-form-urlencoded", "samples=1" },
        { "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n" },
    };

    [Theory]
    [MemberData(nameof(ForgeableBodies))]
    public async Task Ingest_NotJson_Returns415AndStoresNothing(string contentType, string _)
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);

        // A valid batch, only labelled as something else: what a cross-site form would carry.
        using var refused = await server.Client.PostAsync("/api/v1/ingest", Labelled(TestSamples.Body(["ppforged"], last, steps: 1), contentType));
        using var accepted = await server.Client.PostAsync("/api/v1/ingest", TestSamples.Json(TestSamples.Body(["ppreal"], last, steps: 1)));

        await AssertUnsupportedMediaTypeAsync(refused);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("serversTracked").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ForgeableBodies))]
    public async Task FeedData_NotJson_Returns415AndStoresNothing(string contentType, string _)
    {
        await using var server = await TestServerFixture.StartAsync();
        var at = TestSamples.StepsAgo(1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        string Record(string name) => $$"""{"records":[{"timestamp":"{{at}}","server_name":"{{name}}","cpu_user_pct":12.5}]}""";

        using var refused = await server.Client.PostAsync("/feed/data", Labelled(Record("ppforged"), contentType));
        using var accepted = await server.Client.PostAsync("/feed/data", TestSamples.Json(Record("ppreal")));

        await AssertUnsupportedMediaTypeAsync(refused);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("servers_tracked").GetInt32());
    }

    [Theory]
    [MemberData(nameof(ForgeableBodies))]
    public async Task CostInputs_FormOrText_Returns415BeforeBindingAndStoresNothing(string contentType, string body)
    {
        await using var server = await TestServerFixture.StartAsync();
        // The handler binds a JSON body, so here minimal-API binding refuses the content type before the filter runs.
        using var response = await server.Client.PutAsync("/api/v1/admin/cost-inputs", Labelled(body, contentType));

        await AssertUnsupportedMediaTypeAsync(response);
        Assert.False((await server.GetJsonAsync("/api/v1/cost-avoidance")).GetProperty("configured").GetBoolean());
    }

    [Fact]
    public async Task EveryRouteTakingChanges_RequiresJson_ExceptTheSignInForms()
    {
        await using var server = await TestServerFixture.StartAsync();
        var endpoints = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        var unguarded = endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(RequireJsonFilter.MayCarryChanges) == true)
            .Where(e => e.Metadata.GetMetadata<RequiresJsonBody>() is null)
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null) // the dashboard page: Blazor's own antiforgery check
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(route => !route.StartsWith("/_blazor", StringComparison.Ordinal)) // the circuit's SignalR endpoints
            .Order(StringComparer.Ordinal)
            .ToArray();

        // The sign-in and sign-out forms are forms by design; they check the request's origin instead (SignInApiTests).
        Assert.Equal(["/signin", "/signout"], unguarded);
    }

    private static StringContent Labelled(string body, string contentType)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    internal static async Task AssertUnsupportedMediaTypeAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ProblemTypes.UnsupportedMediaType.Type, problem.GetProperty("type").GetString());
        Assert.Contains("Content-Type: application/json", problem.GetProperty("detail").GetString());
        Assert.Equal("application/json", problem.GetProperty("expectedContentType").GetString());
    }
}
