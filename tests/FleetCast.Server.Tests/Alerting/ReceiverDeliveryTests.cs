using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Alerting;

/// <summary>Alert transitions through the real SQLite outbox and the worker to loopback HTTP receivers.</summary>
public sealed class ReceiverDeliveryTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestNotices.WallNow;
    private static readonly IReadOnlyDictionary<string, ServerProfile> Profiles = new Dictionary<string, ServerProfile>
    {
        ["ppdb003"] = ServerProfile.Database,
        ["ppweb001"] = ServerProfile.WebApi,
    };

    private readonly TempDatabase _temp = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly HttpClient _httpClient = new();

    public void Dispose()
    {
        _httpClient.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Deliver_ReceiversFailFirstThreeDeliveries_EveryNotificationOnceInOrder()
    {
        // Arrange
        await using var slack = await LoopbackReceiver.StartAsync(503, 503, 503);
        await using var hook = await LoopbackReceiver.StartAsync(503, 500, 429);
        var options = Options(TestAlerts.Route("chat", "slack", slack.BaseAddress.ToString()), TestAlerts.Route("hook", "webhook", hook.BaseAddress.ToString()));
        var (alerts, worker, outbox) = Pipeline(options);
        var db = TestAlerts.Incident("ppdb003", Metric.MemUsedPct, Metric.CpuUserPct);
        var web = TestAlerts.Alert("ppweb001", Metric.CpuUserPct, AlertSeverity.Warning);
        alerts.Record([TestAlerts.Fired(db)], Profiles);
        alerts.Record([TestAlerts.Fired(web)], Profiles);
        alerts.Record([TestAlerts.Resolved(db, TimeSpan.FromMinutes(10))], Profiles);

        // Act: rounds until nothing is pending, the clock moving past each backoff.
        for (var round = 0; round < 20 && outbox.Recent(100).Any(d => d.Status == OutboxDelivery.Pending); round++)
        {
            await worker.RunOnceAsync(CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        // Assert: the first delivery was tried three times, then each was received exactly once, in order.
        Assert.All(outbox.Recent(100), d => Assert.Equal(OutboxDelivery.Delivered, d.Status));
        Assert.Equal(
            [
                "[FIRING] ppdb003: mem_used_pct, cpu_user_pct predicted critical in 35 min (critical)",
                "[FIRING] cpu_user_pct on ppweb001 likely to reach 98% in 35 min (warning)",
                "[RESOLVED] resolved after 10 min: ppdb003: mem_used_pct, cpu_user_pct predicted critical in 35 min (critical)",
            ],
            Accepted(slack).Select(b => b.GetProperty("text").GetString()));
        Assert.Equal(
            ["firing ppdb003 mem_used_pct", "firing ppweb001 cpu_user_pct", "resolved ppdb003 mem_used_pct"],
            Accepted(hook).Select(b => $"{b.GetProperty("status").GetString()} {b.GetProperty("alert").GetProperty("server").GetString()} {b.GetProperty("alert").GetProperty("metric").GetString()}"));
        Assert.All(slack.Received.Take(3), r => Assert.Equal(slack.Received[3].Body, r.Body));
        Assert.All(hook.Received.Take(3), r => Assert.Equal(hook.Received[3].Body, r.Body));
    }

    [Fact]
    public async Task Deliver_RestartWithUndeliveredNotifications_OutboxDeliversThemAndKeepsTheFiringState()
    {
        // Arrange: the receiver is down; three notifications are stored and the first attempt fails.
        var down = await LoopbackReceiver.StartAsync();
        var downUrl = down.BaseAddress.ToString();
        await down.DisposeAsync();
        var (alerts, worker, outbox) = Pipeline(Options(TestAlerts.Route("am", "alertmanager", downUrl)));
        var mem = TestAlerts.Alert("ppdb003", Metric.MemUsedPct);
        alerts.Record([TestAlerts.Fired(mem)], Profiles);
        alerts.Record([TestAlerts.Fired(TestAlerts.Alert("ppweb001", Metric.CpuUserPct))], Profiles);
        alerts.Record([TestAlerts.Resolved(mem, TimeSpan.FromMinutes(10))], Profiles);
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));

        // Act: restart (a new database connection, router and worker) with the receiver back at a new address.
        await using var receiver = await LoopbackReceiver.StartAsync();
        _temp.Reopen();
        (_, worker, outbox) = Pipeline(Options(TestAlerts.Route("am", "alertmanager", receiver.BaseAddress.ToString())));
        _time.Advance(TimeSpan.FromSeconds(30));
        var delivered = await worker.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(60));
        var resends = worker.EnqueueDueResends();
        await worker.RunOnceAsync(CancellationToken.None);

        // Assert: the three in order, then the still-firing alert re-sent with its original start.
        Assert.Equal(3, delivered);
        var bodies = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement[0]).ToArray();
        Assert.Equal(
            ["ppdb003 mem_used_pct", "ppweb001 cpu_user_pct", "ppdb003 mem_used_pct", "ppweb001 cpu_user_pct"],
            bodies.Select(b => $"{b.GetProperty("labels").GetProperty("server").GetString()} {b.GetProperty("labels").GetProperty("metric").GetString()}"));
        Assert.All(bodies, b => Assert.Equal("2026-06-01T08:00:00Z", b.GetProperty("startsAt").GetString()));
        Assert.Equal("2026-06-01T08:00:30Z", bodies[2].GetProperty("endsAt").GetString());
        Assert.Equal("2026-06-01T08:04:30Z", bodies[3].GetProperty("endsAt").GetString());
        Assert.Equal(1, resends);
    }

    private static List<JsonElement> Accepted(LoopbackReceiver receiver) =>
        receiver.Received.Skip(3).Select(r => JsonDocument.Parse(r.Body).RootElement.Clone()).ToList();

    private static AlertingOptions Options(params AlertRouteOptions[] routes) => new()
    {
        RetryAttempts = 0,
        RetryDelayMilliseconds = 1000,
        RequestTimeoutSeconds = 5,
        Routes = [.. routes],
    };

    private (AlertStore Alerts, AlertDeliveryWorker Worker, OutboxStore Outbox) Pipeline(AlertingOptions options)
    {
        var outbox = new OutboxStore(_temp.Database);
        var router = AlertRouter.FromOptions(options, _time);
        var sender = new AlertDeliverySender(_httpClient, options, TimeProvider.System);
        return (new AlertStore(_temp.Database, router), new AlertDeliveryWorker(outbox, router, sender, options, _time, NullLogger<AlertDeliveryWorker>.Instance), outbox);
    }
}
