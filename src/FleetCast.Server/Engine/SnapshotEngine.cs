using System.Diagnostics;
using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetCast.Server.Engine;

/// <summary>Computes one fleet snapshot per data step and publishes it. It steps on aligned data time
/// (the windows' newest data time floored to the step) as soon as a new step has data, never because
/// someone reads; when several steps arrived at once it computes the newest and counts the others as
/// skipped instead of catching up.</summary>
public sealed class SnapshotEngine : BackgroundService, ISnapshotSource, IAlertOutcomeSource
{
    private readonly IWindowStore _windows;
    private readonly IAlertStore _alertStore;
    private readonly ISnapshotHistoryStore _historyStore;
    private readonly ForecasterSet _forecasters;
    private readonly EngineMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<SnapshotEngine> _logger;
    private readonly ForecastOptions _options;
    private readonly ThresholdTable _thresholds;
    private readonly ScoringOptions _scoring;
    private readonly AlertRuleOptions _alertRules;
    private readonly BackfillStatus _backfill;
    private readonly CascadeMonitor? _cascades;
    private readonly long _epoch;
    private readonly Lock _stepLock = new();
    private readonly SkippedStepLog _skipped = new();
    private SnapshotBuilder? _builder;
    private AlertOutcomeTracker? _outcomes;
    private IReadOnlyList<AlertOutcomeCounts> _outcomeCounts = AlertOutcomeCounts.None;
    private PublishedSnapshot? _current;
    private Action<PublishedSnapshot>[] _subscribers = [];
    private DateTimeOffset? _lastStep;
    private bool _lastStepDuringBackfill;
    private int _serversAtLastStep;
    private long _stepsComputed;

    public SnapshotEngine(IWindowStore windows, IAlertStore alertStore, ISnapshotHistoryStore historyStore, ForecasterSet forecasters,
        EngineMetrics metrics, IOptions<FleetCastOptions> options, ThresholdTable thresholds, ScoringOptions scoring,
        AlertRuleOptions alertRules, TimeProvider time, ILogger<SnapshotEngine> logger, BackfillStatus? backfill = null, CascadeMonitor? cascades = null)
    {
        _backfill = backfill ?? new BackfillStatus();
        _cascades = cascades;
        _windows = windows;
        _alertStore = alertStore;
        _historyStore = historyStore;
        _forecasters = forecasters;
        _metrics = metrics;
        _options = options.Value.Forecast;
        _thresholds = thresholds;
        _scoring = scoring;
        _alertRules = alertRules;
        _time = time;
        _logger = logger;
        _epoch = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    public PublishedSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>Data time of the last computed step.</summary>
    public DateTimeOffset? LastStepDataTime
    {
        get
        {
            lock (_stepLock)
            {
                return _lastStep;
            }
        }
    }

    public ForecasterSet Forecasters => _forecasters;

    public IReadOnlyList<AlertOutcomeCounts> AlertOutcomes => Volatile.Read(ref _outcomeCounts);

    /// <summary>Skipped data steps: in total and in the last hour of wall-clock time, as of now.</summary>
    public SkippedStepCounts SkippedSteps => _skipped.Counts(_time.GetUtcNow());

    public string? LastForecastError => _builder?.LastForecastError;

    public IDisposable Subscribe(Action<PublishedSnapshot> onPublished)
    {
        ArgumentNullException.ThrowIfNull(onPublished);
        while (true)
        {
            var before = Volatile.Read(ref _subscribers);
            Action<PublishedSnapshot>[] after = [.. before, onPublished];
            if (Interlocked.CompareExchange(ref _subscribers, after, before) == before)
            {
                return new Subscription(this, onPublished);
            }
        }
    }

    /// <summary>Computes a step if the data has reached a new aligned step. Returns the published
    /// snapshot, or null when there was nothing new to compute.</summary>
    public PublishedSnapshot? TryStep()
    {
        var latest = _windows.LatestDataTime;
        if (latest is null)
        {
            return null;
        }

        var step = Align(latest.Value);
        lock (_stepLock)
        {
            if (_lastStep is { } last && step <= last)
            {
                // Servers that arrived with data no newer than the last step (an import, a late agent)
                // are listed now rather than at the next data step, which may be long in coming.
                return _windows.ServerCount > _serversAtLastStep ? Refresh(last) : null;
            }

            // Steps stored in bulk by a back-fill were never due for computation: passing over them (during
            // the back-fill, or from the last step computed during it) is not a skip.
            var backfilling = _backfill.Active;
            if (_lastStep is { } previous && !backfilling && !_lastStepDuringBackfill)
            {
                var skipped = (long)((step - previous).TotalSeconds / _options.StepSeconds) - 1;
                if (skipped > 0)
                {
                    _metrics.SkippedSteps.Inc(skipped);
                    _skipped.Record(skipped, _time.GetUtcNow());
                }
            }

            var serverCount = _windows.ServerCount;
            var published = RunStep(step, raiseAlerts: !backfilling);
            _serversAtLastStep = serverCount;
            _lastStep = step;
            _lastStepDuringBackfill = backfilling;
            return published;
        }
    }

    /// <summary>Recomputes the last step with the servers that joined since: they are scored and listed, while
    /// alerts neither fire nor resolve (this data time was already evaluated), and no history point or outcome
    /// is written twice for it.</summary>
    private PublishedSnapshot Refresh(DateTimeOffset lastStep)
    {
        var serverCount = _windows.ServerCount;
        var published = RunStep(lastStep, raiseAlerts: false, repeat: true);
        _serversAtLastStep = serverCount;
        return published;
    }

    /// <summary>Builds and publishes the snapshot for <paramref name="dataTime"/> (an aligned step).</summary>
    /// <param name="raiseAlerts">False while history is being back-filled: scored, but no alert fires or resolves.</param>
    /// <param name="repeat">True when <paramref name="dataTime"/> was computed before (a refresh for new servers).</param>
    internal PublishedSnapshot RunStep(DateTimeOffset dataTime, bool raiseAlerts = true, bool repeat = false)
    {
        var started = Stopwatch.GetTimestamp();
        _builder ??= new SnapshotBuilder(_forecasters, _options, _thresholds, _scoring, _alertRules, _alertStore.LoadActive(), _metrics, _logger);
        var previous = Current;
        var views = _windows.Capture(dataTime);
        var version = (previous?.Snapshot.Version ?? 0) + 1;
        var result = _builder.Build(views, dataTime, version, _time.GetUtcNow(), previous, raiseAlerts);
        if (result.Transitions.Count > 0)
        {
            _alertStore.Record(result.Transitions, ProfilesOf(views, result.Transitions));
        }

        if (!repeat)
        {
            SettleOutcomes(dataTime, result);
            _cascades?.Observe(dataTime, views.Where(v => result.Details.TryGetValue(v.Server, out var d) && !d.Row.Stale));
        }

        var published = PublishedSnapshotFactory.Create(result.Snapshot, result.Details, _epoch, SkippedSteps);
        // Stored before it is published, like its alert transitions above: whoever sees a snapshot can
        // read its history point (the dashboard caches its history reads per snapshot).
        if (!repeat && ++_stepsComputed % _options.HistoryEverySteps == 0)
        {
            AppendHistory(published);
        }

        Volatile.Write(ref _current, published);
        _metrics.RecordStep(Stopwatch.GetElapsedTime(started));
        UpdateGauges(published);
        Notify(published);
        return published;
    }

    // The steps run on a thread of their own at a lower priority (Forecast:StepNiceness): on a busy
    // machine a step then takes longer instead of delaying requests, tab switches and ingest.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        if (_options.StepNiceness > 0 && ThreadNiceness.TryLowerCurrentThread(_options.StepNiceness) is { } problem)
        {
            _logger.LogWarning("The engine's steps run at normal priority: {Problem}.", problem);
        }

        var poll = TimeSpan.FromMilliseconds(_options.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                TryStep();
            }
            catch (Exception ex)
            {
                _metrics.FailedSteps.Inc();
                _logger.LogError(ex, "Snapshot step failed; the previous snapshot stays published.");
            }

            try
            {
                Task.Delay(poll, _time, stoppingToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Settles open claims against the values seen since the last step, then opens the claims of this
    /// step's predictive alerts (stored after the transitions, whose rows they update). Settling first keeps a
    /// claim that came true at the step its incident escalated.</summary>
    private void SettleOutcomes(DateTimeOffset dataTime, StepResult result)
    {
        _outcomes ??= new AlertOutcomeTracker(TimeSpan.FromSeconds((double)_options.HorizonSteps * _options.StepSeconds),
            _alertStore.LoadOpenPredictions(), _alertStore.LoadOutcomeCounts(), _alertStore.LoadSettledActive());
        var settled = _outcomes.Settle(dataTime, server =>
            result.Details.TryGetValue(server, out var detail) && !detail.Row.Stale ? detail.Window : null);
        var opened = _outcomes.Open(result.Transitions);
        if (opened.Count + settled.Count > 0)
        {
            _alertStore.RecordOutcomes(opened, settled);
        }

        Volatile.Write(ref _outcomeCounts, _outcomes.Counts);
    }

    /// <summary>The profiles of the servers in <paramref name="transitions"/> (alert routing filters on them).</summary>
    private static Dictionary<string, ServerProfile> ProfilesOf(IReadOnlyList<WindowView> views, IReadOnlyList<AlertTransition> transitions)
    {
        var servers = transitions.Select(t => t.Alert.Server).ToHashSet(StringComparer.Ordinal);
        return views.Where(v => servers.Contains(v.Server)).ToDictionary(v => v.Server, v => v.Profile, StringComparer.Ordinal);
    }

    private DateTimeOffset Align(DateTimeOffset time)
    {
        var seconds = time.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds - (((seconds % _options.StepSeconds) + _options.StepSeconds) % _options.StepSeconds));
    }

    private void UpdateGauges(PublishedSnapshot published)
    {
        var snapshot = published.Snapshot;
        _metrics.SnapshotVersion.Set(snapshot.Version);
        _metrics.SnapshotDataTime.Set(snapshot.DataTime.ToUnixTimeSeconds());
        _metrics.Servers.WithLabels("total").Set(snapshot.Summary.TotalServers);
        _metrics.Servers.WithLabels("ready").Set(snapshot.Summary.ReadyServers);
        _metrics.Servers.WithLabels("stale").Set(snapshot.Summary.StaleServers);
        _metrics.ActiveAlerts.WithLabels("critical").Set(snapshot.Alerts.Count(a => a.Severity == AlertSeverity.Critical));
        _metrics.ActiveAlerts.WithLabels("warning").Set(snapshot.Alerts.Count(a => a.Severity == AlertSeverity.Warning));
    }

    private void Notify(PublishedSnapshot published)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try
            {
                subscriber(published);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "A snapshot subscriber failed; other subscribers are unaffected.");
            }
        }
    }

    private void AppendHistory(PublishedSnapshot published)
    {
        var snapshot = published.Snapshot;
        try
        {
            _historyStore.Append(new SnapshotHistoryPoint(snapshot.Version, snapshot.DataTime, snapshot.Summary.AvgRisk, snapshot.Summary.MaxRisk,
                snapshot.Alerts.Count, snapshot.Summary.LevelCounts,
                snapshot.Servers.ToDictionary(r => r.Name, r => r.RiskScore, StringComparer.Ordinal)));
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not store the fleet history point for {DataTime}.", snapshot.DataTime);
        }
    }

    private void Unsubscribe(Action<PublishedSnapshot> callback)
    {
        while (true)
        {
            var before = Volatile.Read(ref _subscribers);
            var index = Array.IndexOf(before, callback);
            if (index < 0)
            {
                return;
            }

            var after = before.Where((_, i) => i != index).ToArray();
            if (Interlocked.CompareExchange(ref _subscribers, after, before) == before)
            {
                return;
            }
        }
    }

    private sealed class Subscription(SnapshotEngine engine, Action<PublishedSnapshot> callback) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                engine.Unsubscribe(callback);
            }
        }
    }
}
