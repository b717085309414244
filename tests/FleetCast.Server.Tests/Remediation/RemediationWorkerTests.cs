using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Remediation;

public sealed class RemediationWorkerTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly HttpClient _client = new();

    public void Dispose()
    {
        _client.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task PublishedAlerts_MatchingARule_CreateOnePendingActionPerAlertLifecycle()
    {
        var options = new RemediationOptions
        {
            Rules = [new RemediationRuleOptions { Name = "web", Profiles = "web_api", MinLevel = "critical", Mode = "approval", WebhookUrl = "http://127.0.0.1:9/{server}" }],
        };
        var service = new RemediationService(new RemediationActionStore(_temp.Database), new RemediationExecutor(_client, options), options, TimeProvider.System,
            NullLogger<RemediationService>.Instance);
        var source = new FakeSnapshotSource();
        using var worker = new RemediationWorker(service, source, NullLogger<RemediationWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        // Critical memory alerts fire on the riskiest servers; of those, ppweb009 is the one web_api server.
        var snapshot = TestSnapshots.Create();
        var expected = snapshot.Snapshot.Alerts.Where(a => a.Profile == Core.Profiles.ServerProfile.WebApi && a.Severity == Core.Alerts.AlertSeverity.Critical)
            .Select(a => a.Server).ToArray();

        await Eventually.TrueAsync(() => source.SubscriberCount == 1);
        source.Publish(snapshot);
        Assert.True(await Eventually.TrueAsync(() => service.Actions().Count == expected.Length));
        source.Publish(TestSnapshots.Create(version: 2));
        source.Publish(TestSnapshots.Create(version: 3));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(["ppweb009"], expected);
        var actions = service.Actions();
        Assert.Equal(expected.Order(), actions.Select(a => a.Server).Order());
        Assert.All(actions, a => Assert.Equal(RemediationStatus.Pending, a.Status));
    }
}
