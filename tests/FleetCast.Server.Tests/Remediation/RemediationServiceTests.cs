using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;
using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Remediation;

/// <summary>Remediation decisions against a real action table and a loopback HTTP receiver.</summary>
public sealed class RemediationServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset AlertStart = Samples.Origin;

    private readonly TempDatabase _temp = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _client = new();
    private LoopbackReceiver _receiver = default!;

    public async Task InitializeAsync()
    {
        _receiver = await LoopbackReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _client.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task ApprovalMode_NothingRunsUntilApproved_ThenTheReceiverIsCalledOnce()
    {
        var service = Service("approval");

        var created = Assert.Single(await service.HandleAsync([Trigger()]));
        Assert.Equal(RemediationStatus.Pending, created.Status);
        Assert.Empty(_receiver.Received);

        _time.Advance(TimeSpan.FromMinutes(5));
        var approved = await service.ApproveAsync(created.Id, new RemediationDecisionRequest("alice", "go"), "api key sha256:0123abcd");

        var request = Assert.Single(_receiver.Received);
        Assert.Equal("/restart/ppdb001", request.Path);
        Assert.Contains("\"server\":\"ppdb001\"", request.Body);
        Assert.Contains("\"approvedBy\":\"alice\"", request.Body);
        Assert.Equal(RemediationStatus.Succeeded, approved.Status);
        Assert.Equal(200, approved.HttpStatus);
        Assert.Equal("alice", approved.DecidedBy);
        Assert.Equal("api key sha256:0123abcd", approved.DecidedVia);
        Assert.Equal(_time.GetUtcNow(), approved.ExecutedAt);

        var again = await Assert.ThrowsAsync<RemediationActionException>(() => service.ApproveAsync(created.Id, new RemediationDecisionRequest("bob"), "x"));
        Assert.Equal(RemediationActionError.NotPending, again.Kind);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task DryRun_RecordsWhatWouldRunAndNeverCalls()
    {
        var service = Service(mode: null);

        var action = Assert.Single(await service.HandleAsync([Trigger()]));

        Assert.Equal(RemediationStatus.DryRun, action.Status);
        Assert.Equal($"POST {_receiver.BaseAddress.Scheme}://127.0.0.1:{_receiver.BaseAddress.Port}/restart/ppdb001", action.Target);
        await Assert.ThrowsAsync<RemediationActionException>(() => service.ApproveAsync(action.Id, new RemediationDecisionRequest("alice"), "x"));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Cooldown_BlocksASecondActionForTheSameServerUntilItPasses()
    {
        var service = Service("automatic", cooldownMinutes: 30);

        var first = Assert.Single(await service.HandleAsync([Trigger()]));
        var sameServer = Assert.Single(await service.HandleAsync([Trigger(metric: "cpu_user_pct")]));
        var otherServer = Assert.Single(await service.HandleAsync([Trigger(server: "ppdb002")]));
        _time.Advance(TimeSpan.FromMinutes(30));
        var later = Assert.Single(await service.HandleAsync([Trigger(metric: "disk_used_pct")]));

        Assert.Equal(RemediationStatus.Succeeded, first.Status);
        Assert.Equal(RemediationStatus.Suppressed, sameServer.Status);
        Assert.Contains("cool-down", sameServer.Reason);
        Assert.Equal(RemediationStatus.Succeeded, otherServer.Status);
        Assert.Equal(RemediationStatus.Succeeded, later.Status);
        Assert.Equal(["/restart/ppdb001", "/restart/ppdb002", "/restart/ppdb001"], _receiver.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task RateLimit_HoldsBackActionsBeyondTheHourlyLimit()
    {
        var service = Service("automatic", maxPerHour: 1);

        await service.HandleAsync([Trigger()]);
        var second = Assert.Single(await service.HandleAsync([Trigger(server: "ppdb002")]));

        Assert.Equal(RemediationStatus.Suppressed, second.Status);
        Assert.Contains("rate limit", second.Reason);
        Assert.Single(_receiver.Received);
    }

    [Fact]
    public async Task Reject_RecordsWhoAndWhyAndNeverRuns()
    {
        var service = Service("approval");
        var pending = Assert.Single(await service.HandleAsync([Trigger()]));

        var rejected = await service.RejectAsync(pending.Id, new RemediationDecisionRequest("carol", "maintenance window"), "dashboard session");

        Assert.Equal(RemediationStatus.Rejected, rejected.Status);
        Assert.Equal("carol", rejected.DecidedBy);
        Assert.Equal("dashboard session", rejected.DecidedVia);
        Assert.Equal("maintenance window", rejected.Reason);
        Assert.Null(rejected.ExecutedAt);
        await Assert.ThrowsAsync<RemediationActionException>(() => service.ApproveAsync(pending.Id, new RemediationDecisionRequest("alice"), "x"));
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Approve_WithoutWho_IsInvalidAndChangesNothing()
    {
        var service = Service("approval");
        var pending = Assert.Single(await service.HandleAsync([Trigger()]));

        var error = await Assert.ThrowsAsync<RemediationActionException>(() => service.ApproveAsync(pending.Id, new RemediationDecisionRequest(" "), "x"));

        Assert.Equal(RemediationActionError.Invalid, error.Kind);
        Assert.True(error.Errors.ContainsKey("who"));
        Assert.Equal(RemediationStatus.Pending, service.Actions().Single().Status);
    }

    [Fact]
    public async Task PendingPastTheApprovalTimeout_ExpiresAndCannotRun()
    {
        var service = Service("approval");
        var pending = Assert.Single(await service.HandleAsync([Trigger()]));
        _time.Advance(TimeSpan.FromMinutes(61));

        await Assert.ThrowsAsync<RemediationActionException>(() => service.ApproveAsync(pending.Id, new RemediationDecisionRequest("alice"), "x"));

        Assert.Equal(RemediationStatus.Expired, service.Actions().Single().Status);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task SameAlertLifecycle_ActsOnceEvenAfterARestart()
    {
        await Service("approval").HandleAsync([Trigger()]);

        var again = await Service("approval").HandleAsync([Trigger() with { Value = 99.5 }]);

        Assert.Empty(again);
        Assert.Single(Service("approval").Actions());
    }

    [Fact]
    public async Task NoMatchingRule_CreatesNothing()
    {
        var service = Service("automatic");

        var created = await service.HandleAsync([Trigger(profile: "web_api"), Trigger(level: AlertSeverity.Warning)]);

        Assert.Empty(created);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Command_RunsWithoutAShellWithExpandedArguments()
    {
        var options = new RemediationOptions
        {
            Rules = [new RemediationRuleOptions { Name = "echo", Mode = "automatic", Command = "/bin/echo", Arguments = ["restart", "{server}", "$(id)"] }],
        };
        Assert.Empty(RemediationOptionsValidator.Errors(options));
        var service = new RemediationService(new RemediationActionStore(_temp.Database), new RemediationExecutor(_client, options), options, _time,
            NullLogger<RemediationService>.Instance);

        var action = Assert.Single(await service.HandleAsync([Trigger()]));

        Assert.Equal(RemediationStatus.Succeeded, action.Status);
        Assert.Equal(0, action.ExitCode);
        Assert.Equal("restart ppdb001 $(id)", action.Output?.Trim());
        Assert.Equal("/bin/echo restart ppdb001 $(id)", action.Target);
    }

    [Fact]
    public async Task Trim_DeletesFinishedActionsPastRetentionAndKeepsPendingOnes()
    {
        var options = new RemediationOptions
        {
            CooldownMinutes = 0,
            ApprovalTimeoutMinutes = 7 * 24 * 60,
            RetentionDays = 1,
            Rules =
            [
                new RemediationRuleOptions { Name = "dry", Profiles = "web_api", WebhookUrl = "http://127.0.0.1:9/x" },
                new RemediationRuleOptions { Name = "ask", Profiles = "database", Mode = "approval", WebhookUrl = "http://127.0.0.1:9/x" },
            ],
        };
        var service = new RemediationService(new RemediationActionStore(_temp.Database), new RemediationExecutor(_client, options), options, _time,
            NullLogger<RemediationService>.Instance);
        await service.HandleAsync([Trigger(server: "ppweb001", profile: "web_api"), Trigger()]);
        _time.Advance(TimeSpan.FromDays(2));

        var deleted = service.Trim();

        Assert.Equal(1, deleted);
        Assert.Equal(RemediationStatus.Pending, Assert.Single(service.Actions()).Status);
    }

    private RemediationService Service(string? mode, int cooldownMinutes = 30, int maxPerHour = 10)
    {
        var options = new RemediationOptions
        {
            CooldownMinutes = cooldownMinutes,
            MaxActionsPerHour = maxPerHour,
            Rules =
            [
                new RemediationRuleOptions
                {
                    Name = "restart-db",
                    Profiles = "database",
                    MinLevel = "critical",
                    Mode = mode,
                    WebhookUrl = new Uri(_receiver.BaseAddress, "/restart/{server}").ToString(),
                },
            ],
        };
        Assert.Empty(RemediationOptionsValidator.Errors(options));
        return new RemediationService(new RemediationActionStore(_temp.Database), new RemediationExecutor(_client, options), options, _time,
            NullLogger<RemediationService>.Instance);
    }

    private static RemediationTrigger Trigger(string server = "ppdb001", string profile = "database", string metric = "mem_used_pct",
        AlertSeverity level = AlertSeverity.Critical) => new(server, profile, metric, level, 98.2, AlertStart);
}
