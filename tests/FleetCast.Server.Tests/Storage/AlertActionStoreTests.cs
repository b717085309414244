using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

public sealed class AlertActionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 14, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();
    private AlertActionStore _store;

    public AlertActionStoreTests() => _store = new AlertActionStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveAcknowledgement_AfterRestart_LoadsTheSameAcknowledgement()
    {
        var ack = new Acknowledgement("ppdb003", "mem_used_pct", AlertSeverity.Critical, Now.AddMinutes(-20), "alice", "looking at it", Now);
        _store.SaveAcknowledgement(ack);

        Restart();

        Assert.Equal(ack, Assert.Single(_store.LoadAcknowledgements()));
    }

    [Fact]
    public void SaveAcknowledgement_SameKeyTwice_KeepsTheLatest()
    {
        _store.SaveAcknowledgement(new Acknowledgement("ppdb003", "mem_used_pct", AlertSeverity.Critical, Now.AddMinutes(-20), "alice", null, Now));
        var later = new Acknowledgement("ppdb003", "mem_used_pct", AlertSeverity.Critical, Now.AddMinutes(10), "bob", null, Now.AddMinutes(15));

        _store.SaveAcknowledgement(later);

        Assert.Equal(later, Assert.Single(_store.LoadAcknowledgements()));
    }

    [Fact]
    public void AddSilence_AfterRestart_IsActiveUntilItsEnd()
    {
        var added = _store.AddSilence(new Silence(0, "ppdb003", null, "alice", "maintenance", Now, Now.AddHours(4)));

        Restart();

        Assert.True(added.Id > 0);
        Assert.Equal(added, Assert.Single(_store.LoadSilences(Now.AddHours(3))));
        Assert.Empty(_store.LoadSilences(Now.AddHours(4)));
        Assert.Equal(added, Assert.Single(_store.LoadSilences(Now.AddHours(5), includeInactive: true)));
    }

    [Fact]
    public void CancelSilence_Active_IsNoLongerActiveAfterRestartAndRecordsWho()
    {
        var kept = _store.AddSilence(new Silence(0, null, "mem_used_pct", "alice", "known leak", Now, Now.AddHours(24)));
        var cancelled = _store.AddSilence(new Silence(0, "ppweb001", null, "alice", "deploy", Now, Now.AddHours(1)));

        var result = _store.CancelSilence(cancelled.Id, "bob", Now.AddMinutes(5));
        Restart();

        Assert.True(result);
        Assert.Equal(kept.Id, Assert.Single(_store.LoadSilences(Now.AddMinutes(6))).Id);
        var stored = _store.FindSilence(cancelled.Id)!;
        Assert.Equal(Now.AddMinutes(5), stored.CancelledAt);
        Assert.Equal("bob", stored.CancelledBy);
    }

    [Fact]
    public void CancelSilence_AlreadyCancelledOrExpiredOrUnknown_ReturnsFalseAndChangesNothing()
    {
        var silence = _store.AddSilence(new Silence(0, "ppweb001", null, "alice", "deploy", Now, Now.AddHours(1)));
        _store.CancelSilence(silence.Id, "bob", Now.AddMinutes(5));

        Assert.False(_store.CancelSilence(silence.Id, "carol", Now.AddMinutes(6)));
        Assert.Equal("bob", _store.FindSilence(silence.Id)!.CancelledBy);
        var expired = _store.AddSilence(new Silence(0, "ppweb002", null, "alice", "deploy", Now, Now.AddHours(1)));
        Assert.False(_store.CancelSilence(expired.Id, "bob", Now.AddHours(2)));
        Assert.Null(_store.FindSilence(expired.Id)!.CancelledAt);
        Assert.False(_store.CancelSilence(9999, "bob", Now));
    }

    [Fact]
    public void OpenAlertIds_FiredAlerts_MapKeysToTheOpenEventIds()
    {
        var alerts = new AlertStore(_temp.Database);
        var alert = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Now, 98, 99, 0), Now, Now);
        alerts.Record([new AlertTransition(alert, AlertTransitionKind.Fired, Now)]);

        var ids = _store.OpenAlertIds();

        var id = Assert.Single(ids, pair => pair.Key == "ppdb003").Value;
        Assert.Equal(("ppdb003", "mem_used_pct", "critical"), _store.FindOpenAlert(id));
        Assert.Equal(id, _store.FindOpenAlertId("ppdb003", "mem_used_pct", "critical"));
        alerts.Record([new AlertTransition(alert, AlertTransitionKind.Resolved, Now.AddMinutes(5))]);
        Assert.Null(_store.FindOpenAlert(id));
        Assert.Empty(_store.OpenAlertIds());
    }

    private void Restart()
    {
        _store = new AlertActionStore(_temp.Reopen());
    }
}
