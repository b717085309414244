using System.Net;
using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Engine;
using FleetCast.Server.Retraining;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

/// <summary>Reload, retrain and activate take no fields, but their body must still be the JSON object {}: anything
/// else is a 400 and changes nothing (before, a body of null started a real retraining job).</summary>
public sealed class EmptyRequestApiTests
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "body" },
        { "null", "body" },
        { "[]", "body" },
        { "{", "body" },
        { "\"{}\"", "body" },
        { """{"force":true}""", "force" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Retrain_BodyNotAnEmptyObject_Returns400AndStartsNoJob(string body, string field)
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.PostAsync("/api/v1/admin/models/retrain", TestSamples.Json(body));

        await AssertValidationAsync(response, field);
        Assert.Null(server.App.Services.GetRequiredService<RetrainingService>().Status.Job);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task ReloadAndActivate_BodyNotAnEmptyObject_Return400BeforeAnythingElse(string body, string field)
    {
        await using var server = await TestServerFixture.StartAsync();
        var serving = server.App.Services.GetRequiredService<ForecasterSet>().Primary;

        // With {} these answer 409 reload-unavailable (no model directory) and 404 model-not-found.
        using var reload = await server.Client.PostAsync("/api/v1/admin/model/reload", TestSamples.Json(body));
        using var activate = await server.Client.PostAsync("/api/v1/admin/models/999/activate", TestSamples.Json(body));

        await AssertValidationAsync(reload, field);
        await AssertValidationAsync(activate, field);
        Assert.Same(serving, server.App.Services.GetRequiredService<ForecasterSet>().Primary);
    }

    [Fact]
    public async Task ReloadAndActivate_EmptyObject_ReachTheHandlers()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var reload = await server.Client.PostAsync("/api/v1/admin/model/reload", TestSamples.Json("{}"));
        using var activate = await server.Client.PostAsync("/api/v1/admin/models/999/activate", TestSamples.Json(" { } "));

        Assert.Equal(HttpStatusCode.Conflict, reload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, activate.StatusCode);
        Assert.EndsWith(ProblemTypes.ModelNotFound.Type, JsonDocument.Parse(await activate.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString());
    }

    private static async Task AssertValidationAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://fleetcast.dev/problems/validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), body);
        Assert.DoesNotContain("EmptyRequest", body, StringComparison.Ordinal);
    }
}
