using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Snapshots;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;

namespace FleetCast.Server.Alerting;

/// <summary>Acknowledge and silence alerts. Validates, writes through to the store (committed before
/// anything changes in memory), and keeps the current acknowledgements and silences in memory so the
/// API and every dashboard session read them without touching the database. Thread-safe.</summary>
public sealed class AlertActions : IAlertMutes
{
    private readonly IAlertActionStore _store;
    private readonly ISnapshotSource _snapshots;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private IReadOnlyDictionary<string, Acknowledgement> _acknowledgements;
    private IReadOnlyList<Silence> _silences;

    public AlertActions(IAlertActionStore store, ISnapshotSource snapshots, TimeProvider time)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _acknowledgements = store.LoadAcknowledgements().ToDictionary(a => a.Key, StringComparer.Ordinal);
        _silences = store.LoadSilences(time.GetUtcNow());
    }

    /// <summary>Raised after an acknowledgement or silence was stored or a silence cancelled (on the caller's thread).</summary>
    public event Action? Changed;

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>The acknowledgement of this firing episode and the active silence that mutes it (one covering its
    /// headline metric, when every metric it lists is silenced), if any.</summary>
    public AlertActionStatus StatusOf(AlertView alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var acknowledged = AcknowledgementOf(alert.Server, alert.Severity, alert.StartedAt);
        var silenced = SilenceOf(alert.Server, alert.Metrics, Now);
        return acknowledged is null && silenced is null ? AlertActionStatus.None : new AlertActionStatus(acknowledged, silenced);
    }

    public bool IsMuted(string server, IReadOnlyList<string> metrics, AlertSeverity severity, DateTimeOffset startedAt) =>
        AcknowledgementOf(server, severity, startedAt) is not null || SilenceOf(server, metrics, Now) is not null;

    private Acknowledgement? AcknowledgementOf(string server, AlertSeverity severity, DateTimeOffset startedAt) =>
        _acknowledgements.Values.FirstOrDefault(a => a.AppliesTo(server, severity, startedAt));

    /// <summary>An incident is silenced when each of its metrics is matched by an active silence (a server-wide
    /// silence matches them all); the silence returned is the one that matches its first (headline) metric.</summary>
    private Silence? SilenceOf(string server, IReadOnlyList<string> metrics, DateTimeOffset now)
    {
        var active = _silences.Where(s => s.IsActiveAt(now)).ToArray();
        if (metrics.Count == 0 || !metrics.All(m => active.Any(s => s.Matches(server, m))))
        {
            return null;
        }

        return active.First(s => s.Matches(server, metrics[0]));
    }

    /// <summary>Silences active now, soonest end first.</summary>
    public IReadOnlyList<Silence> ActiveSilences()
    {
        var now = Now;
        return _silences.Where(s => s.IsActiveAt(now)).ToArray();
    }

    /// <summary>Active silences, or with <paramref name="includeInactive"/> also expired and cancelled ones (from storage).</summary>
    public IReadOnlyList<Silence> Silences(bool includeInactive) =>
        includeInactive ? _store.LoadSilences(Now, includeInactive: true) : ActiveSilences();

    /// <summary>Acknowledges the alert of this key that fires in the current snapshot.</summary>
    /// <exception cref="AlertActionException">Invalid input, or no such alert is firing.</exception>
    public Acknowledgement Acknowledge(string server, string metric, string severity, AcknowledgeRequest? request)
    {
        var errors = AlertActionValidator.Errors(request);
        if (!AlertKeys.TryParseSeverity(severity, out var parsedSeverity))
        {
            errors["severity"] = [$"Unknown severity '{severity}'; one of warning, critical."];
        }

        if (!MetricCatalog.TryGet(metric, out _))
        {
            errors["metric"] = [$"Unknown metric '{metric}'."];
        }

        if (errors.Count > 0)
        {
            throw AlertActionException.Invalid(errors);
        }

        // The server's one incident, if it is at this severity and lists the metric (whether or not it heads it).
        var alert = _snapshots.Current?.Snapshot.Alerts.FirstOrDefault(a =>
            string.Equals(a.Server, server, StringComparison.Ordinal) && a.Severity == parsedSeverity && a.Metrics.Contains(metric))
            ?? throw new AlertActionException(AlertActionError.AlertNotFound,
                $"No {AlertKeys.SeverityText(parsedSeverity)} alert on {metric} of server '{server}' is firing now.");
        var acknowledgement = new Acknowledgement(alert.Server, alert.Metric, alert.Severity, alert.StartedAt, request!.Who!.Trim(),
            AlertActionValidator.Normalise(request.Comment), DbTime(Now));
        lock (_gate)
        {
            _store.SaveAcknowledgement(acknowledgement);
            var next = new Dictionary<string, Acknowledgement>(_acknowledgements, StringComparer.Ordinal) { [acknowledgement.Key] = acknowledgement };
            _acknowledgements = next;
        }

        Changed?.Invoke();
        return acknowledgement;
    }

    /// <summary>Acknowledges the firing alert whose stored alert event has this id.</summary>
    /// <exception cref="AlertActionException">Invalid input, or the id is not an alert that is firing.</exception>
    public Acknowledgement Acknowledge(long alertId, AcknowledgeRequest? request)
    {
        var errors = AlertActionValidator.Errors(request);
        if (errors.Count > 0)
        {
            throw AlertActionException.Invalid(errors);
        }

        var key = _store.FindOpenAlert(alertId)
            ?? throw new AlertActionException(AlertActionError.AlertNotFound, $"No firing alert has id {alertId}.");
        return Acknowledge(key.Server, key.Metric, key.Severity, request);
    }

    /// <exception cref="AlertActionException">Invalid input (nothing stored).</exception>
    public Silence AddSilence(SilenceRequest? request)
    {
        var now = Now;
        var errors = AlertActionValidator.Errors(request, now, out var until);
        if (errors.Count > 0)
        {
            throw AlertActionException.Invalid(errors);
        }

        var silence = new Silence(0, AlertActionValidator.Normalise(request!.Server), AlertActionValidator.Normalise(request.Metric),
            request.Who!.Trim(), request.Reason!.Trim(), now, until!.Value);
        lock (_gate)
        {
            silence = _store.AddSilence(silence);
            _silences = [.. _silences.Where(s => s.IsActiveAt(now)).Append(silence).OrderBy(s => s.Until).ThenBy(s => s.Id)];
        }

        Changed?.Invoke();
        return silence;
    }

    /// <summary>Ends an active silence now, recording who ended it.</summary>
    /// <exception cref="AlertActionException">Who missing, no such silence, or it is no longer active.</exception>
    public Silence CancelSilence(long id, string? who)
    {
        var errors = AlertActionValidator.CancelErrors(who);
        if (errors.Count > 0)
        {
            throw AlertActionException.Invalid(errors);
        }

        var now = Now;
        lock (_gate)
        {
            var existing = _store.FindSilence(id)
                ?? throw new AlertActionException(AlertActionError.SilenceNotFound, $"No silence has id {id}.");
            if (!_store.CancelSilence(id, who!.Trim(), now))
            {
                throw new AlertActionException(AlertActionError.SilenceNotActive,
                    existing.CancelledAt is { } at
                        ? $"Silence {id} was already cancelled by {existing.CancelledBy} at {at.UtcDateTime:O}."
                        : $"Silence {id} already expired at {existing.Until.UtcDateTime:O}.");
            }

            _silences = [.. _silences.Where(s => s.Id != id && s.IsActiveAt(now))];
        }

        Changed?.Invoke();
        return _store.FindSilence(id)!;
    }

    /// <summary>Times are stored in whole seconds; what is returned now is what a restart will read back.</summary>
    private static DateTimeOffset DbTime(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
