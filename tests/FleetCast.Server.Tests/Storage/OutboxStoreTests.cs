using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Storage;

public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();
    private OutboxStore _store;

    public OutboxStoreTests() => _store = new OutboxStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AlertStoreRecord_WithRouter_WritesAlertRowAndDeliveriesTogether()
    {
        // Arrange
        var router = AlertRouter.FromOptions(new AlertingOptions
        {
            Routes = [TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"), TestAlerts.Route("web", "webhook", "http://127.0.0.1:9/x", profiles: "web_api")],
        }, new FakeTimeProvider(Now));
        var alerts = new AlertStore(_temp.Database, router);
        var alert = TestAlerts.Alert("ppdb003");

        // Act
        alerts.Record([TestAlerts.Fired(alert)], new Dictionary<string, ServerProfile> { ["ppdb003"] = ServerProfile.Database });
        alerts.Record([TestAlerts.Resolved(alert, TimeSpan.FromMinutes(10))], new Dictionary<string, ServerProfile> { ["ppdb003"] = ServerProfile.Database });

        // Assert
        Assert.Single(alerts.History(Samples.Origin.AddHours(-1), Samples.Origin.AddHours(1)));
        var due = _store.Due(Now, 10);
        Assert.Equal(2, due.Count);
        Assert.All(due, d => Assert.Equal("am", d.Destination));
        Assert.All(due, d => Assert.Equal(Now, d.CreatedAt));
        Assert.Equal([true, false], due.Select(d => Notice(d).Firing));
        Assert.Equal(Samples.Origin.AddMinutes(10), Notice(due[1]).At);
        Assert.Equal(Now, Notice(due[1]).FirstSentAt);
        Assert.Equal(0, _store.EnqueuePlanned((firing, _) => firing.Count == 0 ? OutboxPlan.Empty : throw new InvalidOperationException("still firing"), Now));
    }

    [Fact]
    public void AlertStoreRecord_PlanThrows_NeitherAlertNorDeliveryIsStored()
    {
        // Arrange: a transition whose key breaks the outbox insert (NOT NULL destination) rolls everything back.
        var alerts = new AlertStore(_temp.Database, new AlertRouter([AlertRoute.Create(TestAlerts.Route("am", "alertmanager", "http://127.0.0.1:9093"))], new FakeTimeProvider(Now)));
        _temp.Database.Write((connection, transaction) =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "CREATE TRIGGER outbox_refuse BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox refused'); END;";
            return command.ExecuteNonQuery();
        });

        // Act
        var error = Record.Exception(() => alerts.Record([TestAlerts.Fired(TestAlerts.Alert())], new Dictionary<string, ServerProfile>()));

        // Assert
        Assert.NotNull(error);
        Assert.Empty(alerts.LoadActive());
        Assert.Empty(_store.Recent(10));
    }

    [Fact]
    public void MarkAttemptFailed_WithRetryTime_StaysPendingUntilDueThenAfterReopen()
    {
        // Arrange
        _store.Enqueue([new OutboxMessage("am", "[]", "one")], Now);
        var id = Assert.Single(_store.Due(Now, 10)).Id;

        // Act
        _store.MarkAttemptFailed(id, 3, "answered 503", Now, Now.AddSeconds(30));
        ReopenDatabase();

        // Assert
        Assert.Empty(_store.Due(Now.AddSeconds(29), 10));
        var due = Assert.Single(_store.Due(Now.AddSeconds(30), 10));
        Assert.Equal(3, due.Attempts);
        Assert.Equal("answered 503", due.LastError);
        Assert.Equal(OutboxDelivery.Pending, due.Status);
        var stats = Assert.Single(_store.Stats());
        Assert.Equal(new DeliveryStats("am", 0, 0, 1, "answered 503", Now, null), stats);
    }

    [Fact]
    public void Stats_DeliveredAndFailed_CountsPerDestinationWithLastErrorAndSuccess()
    {
        // Arrange
        _store.Enqueue([new OutboxMessage("am", "[]", "a"), new OutboxMessage("am", "[]", "b"), new OutboxMessage("hook", "{}", "c")], Now);
        var due = _store.Due(Now, 10);

        // Act
        _store.MarkAttemptFailed(due[0].Id, 1, "timed out", Now.AddSeconds(1), Now.AddSeconds(2));
        _store.MarkDelivered(due[0].Id, 2, Now.AddSeconds(5));
        _store.MarkAttemptFailed(due[1].Id, 8, "answered 400 Bad Request", Now.AddSeconds(6), null);

        // Assert
        var stats = _store.Stats();
        Assert.Equal(new DeliveryStats("am", 1, 1, 0, "answered 400 Bad Request", Now.AddSeconds(6), Now.AddSeconds(5)), stats[0]);
        Assert.Equal(new DeliveryStats("hook", 0, 0, 1, null, null, null), stats[1]);
        Assert.DoesNotContain(_store.Due(Now.AddHours(1), 10), d => d.Destination == "am");
        var recent = _store.Recent(10, "am");
        Assert.Equal([OutboxDelivery.Failed, OutboxDelivery.Delivered], recent.Select(r => r.Status));
        Assert.Equal(2, recent[1].Attempts);
    }

    [Fact]
    public void Trim_OldFinishedAndOverCap_DeletesOldestFinishedAndDropsOldestPending()
    {
        // Arrange: 3 old delivered, then 4 pending.
        _store.Enqueue([new OutboxMessage("am", "[]", "old1"), new OutboxMessage("am", "[]", "old2"), new OutboxMessage("am", "[]", "old3")], Now.AddDays(-10));
        foreach (var delivery in _store.Due(Now, 10))
        {
            _store.MarkDelivered(delivery.Id, 1, Now.AddDays(-10));
        }

        _store.Enqueue([new OutboxMessage("am", "[]", "p1"), new OutboxMessage("am", "[]", "p2"), new OutboxMessage("am", "[]", "p3"), new OutboxMessage("am", "[]", "p4")], Now);

        // Act
        var (deleted, dropped) = _store.Trim(Now.AddDays(-7), maxRows: 3, Now);

        // Assert
        Assert.Equal(1, dropped);
        Assert.Equal(4, deleted);
        Assert.Equal(["p4", "p3", "p2"], _store.Recent(10).Select(r => r.Summary));
        Assert.All(_store.Recent(10), r => Assert.Equal(OutboxDelivery.Pending, r.Status));
    }

    private void ReopenDatabase()
    {
        _store = new OutboxStore(_temp.Reopen());
    }

    private static AlertNotice Notice(OutboxDelivery delivery)
    {
        Assert.True(AlertNotificationJson.TryRead(delivery.Payload, out var notification));
        return Assert.Single(notification.Notices);
    }
}
