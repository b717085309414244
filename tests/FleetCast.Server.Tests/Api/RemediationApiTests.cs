using System.Net;
using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;
using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

public sealed class RemediationApiTests
{
    private const string Key = "k-remediation-test-0123456789";

    [Fact]
    public async Task Approve_PendingAction_RunsOnceAndTheAuditNamesTheCredentialNotTheKey()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var server = await TestServerFixture.StartAsync(apiKeys: [Key], tune: o => o.Remediation.Rules.Add(new RemediationRuleOptions
        {
            Name = "restart",
            Mode = "approval",
            WebhookUrl = new Uri(receiver.BaseAddress, "/restart/{server}").ToString(),
        }));
        server.Client.DefaultRequestHeaders.Add("X-API-Key", Key);
        var remediation = server.App.Services.GetRequiredService<RemediationService>();
        var pending = Assert.Single(await remediation.HandleAsync([new RemediationTrigger("ppdb001", "database", "mem_used_pct", AlertSeverity.Critical, 98, Samples.Origin)]));

        using var notJson = await server.Client.PostAsync($"/api/v1/remediation/actions/{pending.Id}/approve",
            new StringContent("who=mallory", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var noWho = await server.Client.PostAsync($"/api/v1/remediation/actions/{pending.Id}/approve", TestSamples.Json("{}"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noWho.StatusCode);
        Assert.Empty(receiver.Received);

        using var approve = await server.Client.PostAsync($"/api/v1/remediation/actions/{pending.Id}/approve", TestSamples.Json("""{"who":"alice"}"""));
        using var twice = await server.Client.PostAsync($"/api/v1/remediation/actions/{pending.Id}/approve", TestSamples.Json("""{"who":"alice"}"""));
        using var missing = await server.Client.PostAsync("/api/v1/remediation/actions/999/reject", TestSamples.Json("""{"who":"alice"}"""));

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("/restart/ppdb001", Assert.Single(receiver.Received).Path);
        var list = await server.GetJsonAsync("/api/v1/remediation/actions");
        var action = list.GetProperty("actions")[0];
        Assert.Equal("succeeded", action.GetProperty("status").GetString());
        Assert.Equal("alice", action.GetProperty("decidedBy").GetString());
        Assert.StartsWith("api key sha256:", action.GetProperty("decidedVia").GetString());
        Assert.DoesNotContain(Key, list.GetRawText());
        var rules = await server.GetJsonAsync("/api/v1/remediation/rules");
        Assert.Equal("approval", rules.GetProperty("rules")[0].GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Actions_BadStatus_400NamingTheField()
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync("/api/v1/remediation/actions?status=done&limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("limit", out _));
    }
}
