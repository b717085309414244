using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Alerting;

/// <summary>The worker against a real HTTP receiver (Kestrel on 127.0.0.1) and a real SQLite outbox.</summary>
// IDisposable: xUnit 2 never called this class's DisposeAsync (IAsyncDisposable), so each test left its
// temporary directory behind.
public sealed class AlertDeliveryWorkerTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly HttpClient _httpClient = new();

    public void Dispose()
    {
        _httpClient.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task RunOnce_ReceiverFailsFirstThenAccepts_DeliveredWithTwoAttemptsAndBearerToken()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(503);
        var options = Options(retryAttempts: 2);
        options.Routes.Add(TestAlerts.Route("hook", "webhook", new Uri(receiver.BaseAddress, "in/fleetcast").ToString(), token: "t0ken-s3cret"));
        var (worker, outbox) = CreateWorker(options);
        outbox.Enqueue([new OutboxMessage("hook", "{\"status\":\"firing\"}", "mem_used_pct on ppdb003")], Now);

        // Act
        var delivered = await worker.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, delivered);
        var requests = receiver.Received;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/in/fleetcast", r.Path);
            Assert.Equal("Bearer t0ken-s3cret", r.Authorization);
            Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
            Assert.Equal("{\"status\":\"firing\"}", r.Body);
        });
        var row = Assert.Single(outbox.Recent(10));
        Assert.Equal(OutboxDelivery.Delivered, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(Now, row.DeliveredAt);
    }

    [Fact]
    public async Task RunOnce_ReceiverDownThenRestart_PendingDeliveryIsResentAfterBackoff()
    {
        // Arrange: the first round fails (503, no immediate retry) and is stored for later.
        await using var receiver = await LoopbackReceiver.StartAsync(503);
        var options = Options(retryAttempts: 0);
        options.RetryDelayMilliseconds = 10_000;
        options.Routes.Add(TestAlerts.Route("am", "alertmanager", receiver.BaseAddress.ToString()));
        var (worker, outbox) = CreateWorker(options);
        outbox.Enqueue([new OutboxMessage("am", "[{\"labels\":{}}]", "first"), new OutboxMessage("am", "[{\"labels\":{}}]", "second")], Now);
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        var pending = outbox.Recent(10);
        Assert.All(pending, p => Assert.Equal(OutboxDelivery.Pending, p.Status));
        Assert.Contains("answered 503", pending[1].LastError, StringComparison.Ordinal);
        Assert.Null(pending[0].LastError);
        Assert.Single(receiver.Received);

        // Act: restart (a new database connection and worker), before and after the backoff.
        _temp.Reopen();
        (worker, outbox) = CreateWorker(options);
        var beforeBackoff = await worker.RunOnceAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(10));
        var afterBackoff = await worker.RunOnceAsync(CancellationToken.None);

        // Assert: nothing is sent while the first is backing off (order is kept), then both go, in order.
        Assert.Equal(0, beforeBackoff);
        Assert.Equal(2, afterBackoff);
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal("/api/v2/alerts", r.Path));
        Assert.Equal([1, 2], outbox.Recent(10).Select(r => r.Attempts));
        Assert.All(outbox.Recent(10), r => Assert.Equal(OutboxDelivery.Delivered, r.Status));
    }

    [Fact]
    public async Task RunOnce_ReceiverRejectsBody_FailedAtOnceWithoutRetry()
    {
        // Arrange
        await using var receiver = await LoopbackReceiver.StartAsync(400);
        var options = Options(retryAttempts: 2);
        options.Routes.Add(TestAlerts.Route("hook", "webhook", receiver.BaseAddress.ToString()));
        var (worker, outbox) = CreateWorker(options);
        outbox.Enqueue([new OutboxMessage("hook", "{}", "bad")], Now);

        // Act
        await worker.RunOnceAsync(CancellationToken.None);

        // Assert
        var row = Assert.Single(outbox.Recent(10));
        Assert.Equal(OutboxDelivery.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("answered 400", row.LastError, StringComparison.Ordinal);
        Assert.Contains("receiver says no", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunOnce_MaxAttemptsUsedUp_MarkedFailed()
    {
        // Arrange: nothing listens on the port any more.
        var receiver = await LoopbackReceiver.StartAsync();
        var url = receiver.BaseAddress.ToString();
        await receiver.DisposeAsync();
        var options = Options(retryAttempts: 1);
        options.MaxAttempts = 2;
        options.Routes.Add(TestAlerts.Route("gone", "webhook", url));
        var (worker, outbox) = CreateWorker(options);
        outbox.Enqueue([new OutboxMessage("gone", "{}", "x")], Now);

        // Act
        await worker.RunOnceAsync(CancellationToken.None);

        // Assert
        var row = Assert.Single(outbox.Recent(10));
        Assert.Equal(OutboxDelivery.Failed, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.False(string.IsNullOrEmpty(row.LastError));
    }

    [Fact]
    public async Task RunOnce_RouteNoLongerConfigured_MarkedFailedWithReason()
    {
        var (worker, outbox) = CreateWorker(Options(retryAttempts: 0));
        outbox.Enqueue([new OutboxMessage("removed", "{}", "x")], Now);

        await worker.RunOnceAsync(CancellationToken.None);

        var row = Assert.Single(outbox.Recent(10));
        Assert.Equal(OutboxDelivery.Failed, row.Status);
        Assert.Equal("route 'removed' is no longer configured", row.LastError);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(3, 4000)]
    [InlineData(20, 300_000)]
    public void Backoff_Attempts_DoublesUpToTheMaximum(int attempts, int expectedMilliseconds)
    {
        var (worker, _) = CreateWorker(new AlertingOptions { RetryDelayMilliseconds = 1000, MaxRetryDelaySeconds = 300 });

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), worker.Backoff(attempts));
    }

    private static AlertingOptions Options(int retryAttempts) => new()
    {
        RetryAttempts = retryAttempts,
        RetryDelayMilliseconds = 10,
        RequestTimeoutSeconds = 5,
    };

    private (AlertDeliveryWorker Worker, OutboxStore Outbox) CreateWorker(AlertingOptions options)
    {
        var outbox = new OutboxStore(_temp.Database);
        var router = AlertRouter.FromOptions(options, _time);
        var sender = new AlertDeliverySender(_httpClient, options, TimeProvider.System);
        return (new AlertDeliveryWorker(outbox, router, sender, options, _time, NullLogger<AlertDeliveryWorker>.Instance), outbox);
    }
}
