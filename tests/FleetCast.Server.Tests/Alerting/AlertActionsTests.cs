using FleetCast.Core.Alerts;
using FleetCast.Core.Snapshots;
using FleetCast.Server.Alerting;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Alerting;

public sealed class AlertActionsTests : IDisposable
{
    private readonly TempDatabase _temp = new();
    private readonly FakeSnapshotSource _source = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 14, 0, 0, TimeSpan.Zero));
    private readonly AlertView _alert;
    private AlertActions _actions;

    public AlertActionsTests()
    {
        _source.Publish(TestSnapshots.Create());
        _alert = _source.Current!.Snapshot.Alerts[0];
        _actions = new AlertActions(new AlertActionStore(_temp.Database), _source, _time);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Acknowledge_FiringAlert_StatusShowsWhoAndSurvivesRestart()
    {
        var raised = 0;
        _actions.Changed += () => raised++;

        var ack = _actions.Acknowledge(_alert.Server, _alert.Metric, AlertKeys.SeverityText(_alert.Severity), new AcknowledgeRequest("  alice ", "on it"));
        Restart();

        Assert.Equal(1, raised);
        Assert.Equal("alice", ack.By);
        var status = _actions.StatusOf(_alert);
        Assert.Equal(ack, status.Acknowledged);
        Assert.Null(status.Silenced);
    }

    [Fact]
    public void StatusOf_AlertFiredAgainAfterAcknowledgement_IsNotAcknowledged()
    {
        _actions.Acknowledge(_alert.Server, _alert.Metric, AlertKeys.SeverityText(_alert.Severity), new AcknowledgeRequest("alice"));

        var refired = _alert with { StartedAt = _alert.StartedAt.AddHours(2) };

        Assert.Null(_actions.StatusOf(refired).Acknowledged);
    }

    [Fact]
    public void Acknowledge_AlertNotFiring_ThrowsAlertNotFoundAndStoresNothing()
    {
        var error = Assert.Throws<AlertActionException>(() =>
            _actions.Acknowledge("no-such-server", "mem_used_pct", "critical", new AcknowledgeRequest("alice")));

        Assert.Equal(AlertActionError.AlertNotFound, error.Kind);
        Assert.Contains("no-such-server", error.Message);
        Restart();
        Assert.Equal(AlertActionStatus.None, _actions.StatusOf(_alert));
    }

    [Fact]
    public void Acknowledge_BlankWhoAndUnknownSeverity_ReportsBothFields()
    {
        var error = Assert.Throws<AlertActionException>(() =>
            _actions.Acknowledge(_alert.Server, _alert.Metric, "urgent", new AcknowledgeRequest("  ")));

        Assert.Equal(AlertActionError.Invalid, error.Kind);
        Assert.Equal(["severity", "who"], error.Errors.Keys.Order());
    }

    [Fact]
    public void AddSilence_MatchingServer_FlagsItsAlertsUntilTheEndOnly()
    {
        var silence = _actions.AddSilence(new SilenceRequest(_alert.Server, null, "bob", "maintenance", DurationMinutes: 60));
        var other = _source.Current!.Snapshot.Alerts.First(a => a.Server != _alert.Server);

        Assert.Equal(silence, _actions.StatusOf(_alert).Silenced);
        Assert.Null(_actions.StatusOf(other).Silenced);
        Assert.Equal(_time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), silence.Until.ToUnixTimeSeconds());
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.Null(_actions.StatusOf(_alert).Silenced);
        Assert.Empty(_actions.ActiveSilences());
    }

    [Fact]
    public void StatusOf_IncidentOfTwoMetrics_SilencedOnlyOnceEveryMetricIsSilenced()
    {
        var incident = _alert with { Metrics = [_alert.Metric, "swap_used_pct"] };

        _actions.AddSilence(new SilenceRequest(null, _alert.Metric, "bob", "known leak", DurationMinutes: 60));
        var oneSilenced = _actions.StatusOf(incident).Silenced;
        var oneMuted = _actions.IsMuted(incident.Server, incident.Metrics, incident.Severity, incident.StartedAt);
        var second = _actions.AddSilence(new SilenceRequest(incident.Server, "swap_used_pct", "bob", "swap known", DurationMinutes: 60));

        Assert.Null(oneSilenced);
        Assert.False(oneMuted);
        Assert.NotNull(_actions.StatusOf(incident).Silenced);
        Assert.NotEqual(second, _actions.StatusOf(incident).Silenced);
        Assert.True(_actions.IsMuted(incident.Server, incident.Metrics, incident.Severity, incident.StartedAt));
    }

    [Fact]
    public void Acknowledge_MetricOfTheIncidentThatIsNotItsHeadline_AcknowledgesTheIncidentWhateverItsHeadline()
    {
        var current = _source.Current!;
        var incident = current.Snapshot.Alerts[0] with { Metrics = [current.Snapshot.Alerts[0].Metric, "swap_used_pct"] };
        _source.Publish(new PublishedSnapshot
        {
            Snapshot = current.Snapshot with { Alerts = [incident] },
            Json = [],
            JsonGzip = [],
            JsonBrotli = [],
            ETag = current.ETag,
            Details = current.Details,
        });

        var ack = _actions.Acknowledge(incident.Server, "swap_used_pct", AlertKeys.SeverityText(incident.Severity), new AcknowledgeRequest("alice"));

        Assert.Equal(incident.Metric, ack.Metric);
        Assert.Equal(ack, _actions.StatusOf(incident with { Metric = "swap_used_pct" }).Acknowledged);
        Assert.Null(_actions.StatusOf(incident with { Severity = incident.Severity == AlertSeverity.Critical ? AlertSeverity.Warning : AlertSeverity.Critical }).Acknowledged);
    }

    [Fact]
    public void AddSilence_AfterRestart_StillSilencesByMetric()
    {
        _actions.AddSilence(new SilenceRequest(null, _alert.Metric, "bob", "known leak", Until: _time.GetUtcNow().AddHours(4)));

        Restart();

        Assert.Equal("bob", _actions.StatusOf(_alert).Silenced?.By);
        Assert.All(_source.Current!.Snapshot.Alerts.Where(a => a.Metric == _alert.Metric), a => Assert.NotNull(_actions.StatusOf(a).Silenced));
    }

    [Theory]
    [InlineData(null, "reason", 60, "who")]
    [InlineData("bob", " ", 60, "reason")]
    [InlineData("bob", "reason", 0, "durationMinutes")]
    [InlineData("bob", "reason", 43_201, "durationMinutes")]
    public void AddSilence_InvalidField_NamesTheFieldAndStoresNothing(string? who, string reason, int minutes, string field)
    {
        var error = Assert.Throws<AlertActionException>(() =>
            _actions.AddSilence(new SilenceRequest(_alert.Server, null, who, reason, DurationMinutes: minutes)));

        Assert.Equal([field], error.Errors.Keys);
        Restart();
        Assert.Empty(_actions.Silences(includeInactive: true));
    }

    [Fact]
    public void AddSilence_UntilInThePastOrBeyondThirtyDays_NamesUntil()
    {
        var now = _time.GetUtcNow();

        var past = Assert.Throws<AlertActionException>(() => _actions.AddSilence(new SilenceRequest("a", null, "bob", "r", Until: now.AddMinutes(-1))));
        var far = Assert.Throws<AlertActionException>(() => _actions.AddSilence(new SilenceRequest("a", null, "bob", "r", Until: now.AddDays(31))));
        var both = Assert.Throws<AlertActionException>(() => _actions.AddSilence(new SilenceRequest("a", null, "bob", "r", now.AddHours(1), 60)));

        Assert.Contains("future", Assert.Single(past.Errors["until"]));
        Assert.Contains("30 days", Assert.Single(far.Errors["until"]));
        Assert.Contains("not both", Assert.Single(both.Errors["until"]));
        Assert.Empty(_actions.Silences(includeInactive: true));
    }

    [Fact]
    public void AddSilence_NeitherServerNorMetricAndUnknownMetricName_AreRejected()
    {
        var nothing = Assert.Throws<AlertActionException>(() => _actions.AddSilence(new SilenceRequest(" ", null, "bob", "r", DurationMinutes: 60)));
        var unknown = Assert.Throws<AlertActionException>(() => _actions.AddSilence(new SilenceRequest(null, "memory", "bob", "r", DurationMinutes: 60)));

        Assert.True(nothing.Errors.ContainsKey("server"));
        Assert.Contains("mem_used_pct", Assert.Single(unknown.Errors["metric"]));
    }

    [Theory]
    [InlineData("-web01", "must not start with '-'")]
    [InlineData("..", "must not be only dots")]
    [InlineData("web 01", "may contain only letters")]
    [InlineData("ppdb003\n", "control characters; found U+000A at position 8")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "at most 128 characters; got 129")]
    public void AddSilence_ServerIngestWouldRefuse_NamesServerAndStoresNothing(string server, string expected)
    {
        var error = Assert.Throws<AlertActionException>(() =>
            _actions.AddSilence(new SilenceRequest(server, null, "bob", "maintenance", DurationMinutes: 60)));

        Assert.Equal(["server"], error.Errors.Keys);
        Assert.Contains(expected, Assert.Single(error.Errors["server"]), StringComparison.Ordinal);
        Assert.Empty(_actions.Silences(includeInactive: true));
    }

    [Fact]
    public void AddSilence_ServerWithSurroundingSpaces_IsTrimmedAndAccepted()
    {
        var silence = _actions.AddSilence(new SilenceRequest($" {_alert.Server} ", null, "bob", "maintenance", DurationMinutes: 60));

        Assert.Equal(_alert.Server, silence.Server);
    }

    [Theory]
    [InlineData("bob\nINFO forged line", "maintenance", "who")]
    [InlineData("\u0085bob", "maintenance", "who")]
    [InlineData("bob", "maintenance\u0007", "reason")]
    [InlineData("bob", "tab\there", "reason")]
    public void AddSilence_ControlCharacterInText_NamesTheFieldAndStoresNothing(string who, string reason, string field)
    {
        var error = Assert.Throws<AlertActionException>(() =>
            _actions.AddSilence(new SilenceRequest(_alert.Server, null, who, reason, DurationMinutes: 60)));

        Assert.Equal([field], error.Errors.Keys);
        Assert.Contains("without control characters", Assert.Single(error.Errors[field]), StringComparison.Ordinal);
        Assert.Empty(_actions.Silences(includeInactive: true));
    }

    [Fact]
    public void Acknowledge_ControlCharacterInComment_NamesCommentAndStoresNothing()
    {
        var error = Assert.Throws<AlertActionException>(() =>
            _actions.Acknowledge(_alert.Server, _alert.Metric, AlertKeys.SeverityText(_alert.Severity), new AcknowledgeRequest("alice", "on it\r\nforged")));

        Assert.Equal(["comment"], error.Errors.Keys);
        Assert.Equal("'comment' must be one line of text without control characters; found U+000D at position 6.", Assert.Single(error.Errors["comment"]));
        Assert.Null(_actions.StatusOf(_alert).Acknowledged);
    }

    [Fact]
    public void CancelSilence_ControlCharacterInWho_NamesWhoAndTheSilenceStays()
    {
        var silence = _actions.AddSilence(new SilenceRequest(_alert.Server, null, "bob", "maintenance", DurationMinutes: 60));

        var error = Assert.Throws<AlertActionException>(() => _actions.CancelSilence(silence.Id, "carol\u001b[2J"));

        Assert.Equal(["who"], error.Errors.Keys);
        Assert.Contains("U+001B", Assert.Single(error.Errors["who"]), StringComparison.Ordinal);
        Assert.NotNull(_actions.StatusOf(_alert).Silenced);
    }

    [Fact]
    public void CancelSilence_Active_EndsItAndASecondCancelIsNotActive()
    {
        var silence = _actions.AddSilence(new SilenceRequest(_alert.Server, null, "bob", "maintenance", DurationMinutes: 60));

        var cancelled = _actions.CancelSilence(silence.Id, "carol");
        var again = Assert.Throws<AlertActionException>(() => _actions.CancelSilence(silence.Id, "carol"));
        var unknown = Assert.Throws<AlertActionException>(() => _actions.CancelSilence(silence.Id + 100, "carol"));
        var noWho = Assert.Throws<AlertActionException>(() => _actions.CancelSilence(silence.Id, null));

        Assert.Equal("carol", cancelled.CancelledBy);
        Assert.Null(_actions.StatusOf(_alert).Silenced);
        Assert.Equal(AlertActionError.SilenceNotActive, again.Kind);
        Assert.Equal(AlertActionError.SilenceNotFound, unknown.Kind);
        Assert.True(noWho.Errors.ContainsKey("who"));
    }

    private void Restart()
    {
        _actions = new AlertActions(new AlertActionStore(_temp.Reopen()), _source, _time);
    }
}
