using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Core.Windows;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Evaluation;
using FleetCast.Forecasting.Live;
using FleetCast.Forecasting.Tft;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

/// <summary>Follows the published snapshots: keeps each step's forecasts until they mature and scores them
/// (<see cref="LiveForecastScorekeeper"/>), measures input drift against the loaded model's saved training
/// statistics every <see cref="ModelQualityOptions.DriftEverySteps"/> steps, and publishes one immutable
/// <see cref="ModelQualityReport"/> per step that readers (API, dashboard) only read.</summary>
/// <remarks>Runs on the engine's thread as a snapshot subscriber, after the snapshot was published (readers
/// already see it; subscribers registered later are notified after this returns); its cost per step is
/// <see cref="LastStepDuration"/>. Every <see cref="ModelQualityOptions.ShadowEverySteps"/> steps it hands a
/// sample of the ready servers' windows to a <see cref="ShadowRunner"/>, whose baselines forecast them on a
/// thread of their own; the finished batch is kept as a shadow origin at the next step.</remarks>
public sealed class ModelQualityTracker : IModelQualitySource, IHostedService, IDisposable
{
    private static readonly DriftStatus Pending = new(false, "Waiting for the next drift measurement.", null, null);
    private readonly ISnapshotSource _source;
    private readonly ForecasterSet _forecasters;
    private readonly ModelQualityOptions _options;
    private readonly ILogger<ModelQualityTracker> _logger;
    private readonly LiveForecastScorekeeper _scorekeeper;
    private readonly ShadowForecasters _shadow;
    private readonly ShadowRunner _shadowRunner;
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private ModelQualityReport _current;
    private IForecaster? _cardFor;
    private ModelCard _card;
    private EvaluationReport? _evaluation;
    private string _evaluationMessage = string.Empty;
    private DriftStatus _drift;
    private IForecaster? _driftFor;
    private long _steps;
    private long _shadowRuns;
    private long _shadowSkipped;
    private ShadowBatch? _lastShadow;

    public ModelQualityTracker(ISnapshotSource source, ForecasterSet forecasters, ModelQualityOptions options, ILogger<ModelQualityTracker> logger,
        ShadowForecasters? shadow = null)
    {
        _source = source;
        _shadow = shadow ?? ShadowForecasters.None;
        _shadowRunner = new ShadowRunner(options.ShadowNiceness, logger);
        _forecasters = forecasters;
        _options = options;
        _logger = logger;
        if (options.ShadowEverySteps < 0 || options.ShadowMaxServers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"{nameof(ModelQualityOptions.ShadowEverySteps)} must be 0 or more and {nameof(ModelQualityOptions.ShadowMaxServers)} at least 1.");
        }

        if (options.DriftRecentSteps < 1 || options.DriftEverySteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.DriftRecentSteps < 1
                ? $"{nameof(ModelQualityOptions.DriftRecentSteps)} must be at least 1."
                : $"{nameof(ModelQualityOptions.DriftEverySteps)} must be at least 1.");
        }

        _scorekeeper = new LiveForecastScorekeeper(options.Scoring);
        _card = RefreshCard(forecasters.Primary);
        _drift = new DriftStatus(false, "Waiting for the first fleet snapshot.", null, null);
        _current = new ModelQualityReport(null, _card, _evaluation, _evaluationMessage, _scorekeeper.Report(), DriftFor(forecasters.Primary, _drift),
            ShadowStatus(forecasters.Primary));
    }

    /// <summary>The latest report; never null (before the first step it holds the model card only).</summary>
    public ModelQualityReport Current
    {
        get
        {
            var current = Volatile.Read(ref _current);
            var primary = _forecasters.Primary;
            if (ReferenceEquals(primary, _cardFor))
            {
                return current;
            }

            // The primary was swapped (model reload) since the last step: show the new card at once.
            lock (_gate)
            {
                current = Volatile.Read(ref _current);
                var card = RefreshCard(primary);
                var updated = current with { Model = card, Evaluation = _evaluation, EvaluationMessage = _evaluationMessage, Drift = DriftFor(primary, ReferenceEquals(primary, _driftFor) ? _drift : Pending) };
                Volatile.Write(ref _current, updated);
                return updated;
            }
        }
    }

    /// <summary>Time the last step's scoring and drift took.</summary>
    public TimeSpan LastStepDuration { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription ??= _source.Subscribe(Observe);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _subscription, null)?.Dispose();
        _shadowRunner.Dispose();
    }

    /// <summary>Waits until no shadow run is in progress (tests and benchmarks); true when none is left.</summary>
    public bool WaitForShadow(TimeSpan timeout) => _shadowRunner.WaitIdle(timeout);

    /// <summary>One step (the engine calls this through its subscription; tests may call it directly).</summary>
    public void Observe(PublishedSnapshot published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var started = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            var dataTime = published.Snapshot.DataTime;
            var primary = _forecasters.Primary;
            if (_shadowRunner.TakeCompleted() is { } batch)
            {
                _scorekeeper.KeepShadow(batch.Origin, batch.Forecasts);
                _lastShadow = batch;
                _shadowRuns++;
            }

            var observations = new List<LiveObservation>(published.Details.Count);
            var windows = new List<ServerWindow>(published.Details.Count);
            var shadowCandidates = new List<LiveObservation>();
            foreach (var detail in published.Details.Values)
            {
                if (detail.Row.Stale || detail.Window.Length == 0)
                {
                    continue;
                }

                var observation = new LiveObservation(detail.Window, detail.Forecast, detail.Row.LastSeen);
                observations.Add(observation);
                windows.Add(detail.Window);
                if (detail.Row.Ready && detail.Forecast is { } forecast && forecast.OriginTime == dataTime && forecast.Forecaster == primary.Name)
                {
                    shadowCandidates.Add(observation);
                }
            }

            _scorekeeper.Observe(dataTime, observations);
            StartShadow(dataTime, primary, shadowCandidates);
            var card = RefreshCard(primary);
            if (_steps % _options.DriftEverySteps == 0 || !ReferenceEquals(primary, _driftFor))
            {
                _drift = MeasureDrift(primary, windows, dataTime);
                _driftFor = primary;
            }

            _steps++;
            Volatile.Write(ref _current, new ModelQualityReport(dataTime, card, _evaluation, _evaluationMessage, _scorekeeper.Report(), _drift, ShadowStatus(primary)));
        }

        LastStepDuration = Stopwatch.GetElapsedTime(started);
    }

    private void StartShadow(DateTimeOffset dataTime, IForecaster primary, List<LiveObservation> candidates)
    {
        if (_options.ShadowEverySteps == 0 || _steps % _options.ShadowEverySteps != 0 || candidates.Count == 0)
        {
            return;
        }

        var baselines = Baselines(primary);
        if (baselines.Count == 0)
        {
            return;
        }

        if (!_shadowRunner.TryStart(dataTime, ShadowSample.Take(candidates, _options.ShadowMaxServers, _steps / _options.ShadowEverySteps), baselines,
            _options.Scoring.HorizonSteps))
        {
            _shadowSkipped++;
        }
    }

    /// <summary>The baselines to run in shadow: all but the serving forecaster itself (its forecasts are the reference).</summary>
    private List<IForecaster> Baselines(IForecaster primary) => _shadow.All.Where(b => b.Name != primary.Name).ToList();

    private ShadowScoringStatus ShadowStatus(IForecaster primary)
    {
        var baselines = Baselines(primary).Select(b => b.Name).ToArray();
        var enabled = _options.ShadowEverySteps > 0 && baselines.Length > 0;
        var message = enabled
            ? string.Create(CultureInfo.InvariantCulture,
                $"Every {_options.ShadowEverySteps} steps the baselines {string.Join(", ", baselines)} forecast up to {_options.ShadowMaxServers} ready servers served by {primary.Name} (a rotating sample) on a background thread, off the engine's step; each forecaster's forecasts from those origins are scored on the same matured points, normalised by the look-back as in the live accuracy.")
            : _options.ShadowEverySteps == 0
                ? "Shadow scoring of the baselines is off (Forecast:ShadowEverySteps = 0)."
                : "No baseline to score in shadow.";
        return new ShadowScoringStatus(enabled, _options.ShadowEverySteps, _options.ShadowMaxServers, baselines, _shadowRuns, _shadowSkipped,
            _lastShadow?.Origin, _lastShadow?.Servers ?? 0, _lastShadow is { } last ? Math.Round(last.Elapsed.TotalMilliseconds, 1) : null,
            Math.Round(LastStepDuration.TotalMilliseconds, 2), message, _scorekeeper.ShadowReport(primary.Name));
    }

    private DriftStatus MeasureDrift(IForecaster primary, List<ServerWindow> windows, DateTimeOffset dataTime)
    {
        if (Statistics(primary) is not { } statistics)
        {
            return DriftFor(primary, new DriftStatus(false, string.Empty, null, null));
        }

        if (windows.Count == 0)
        {
            return new DriftStatus(false, "No live server to measure.", dataTime, null);
        }

        var report = InputDriftMeter.Measure(statistics, windows, _options.DriftRecentSteps);
        return new DriftStatus(true,
            $"PSI of the newest {_options.DriftRecentSteps} steps of {report.Servers} live servers against the training distribution saved with the model (10 bins per metric).",
            dataTime, report);
    }

    /// <summary>The drift to show for <paramref name="primary"/>: the measured one, or why there is none.</summary>
    private static DriftStatus DriftFor(IForecaster primary, DriftStatus measured)
    {
        if (primary is not TftForecaster)
        {
            return new DriftStatus(false,
                $"No trained model is loaded: the \"{primary.Name}\" baseline has no training distribution, so input drift cannot be measured.", null, null);
        }

        if (Statistics(primary) is null)
        {
            return new DriftStatus(false, "The loaded model saved no input statistics (it was never trained), so input drift cannot be measured.", null, null);
        }

        return measured.Available || measured.Message.Length > 0 ? measured : Pending;
    }

    private static IReadOnlyList<MetricInputStatistics>? Statistics(IForecaster primary) =>
        primary is TftForecaster { Model.Manifest.InputStatistics: { Count: > 0 } statistics } ? statistics : null;

    private ModelCard RefreshCard(IForecaster primary)
    {
        if (ReferenceEquals(primary, _cardFor))
        {
            return _card;
        }

        _card = ModelCard.For(primary);
        (_evaluation, _evaluationMessage) = LoadEvaluation(primary);
        _cardFor = primary;
        return _card;
    }

    private (EvaluationReport? Report, string Message) LoadEvaluation(IForecaster primary)
    {
        if (primary is not TftForecaster)
        {
            return (null, "No trained model is loaded, so there is no held-out evaluation of it.");
        }

        var directory = _forecasters.ModelDirectory ?? _options.ModelDir;
        if (string.IsNullOrWhiteSpace(directory))
        {
            return (null, "The model was not loaded from a model directory, so no evaluation report is known.");
        }

        var path = Path.Combine(Path.GetFullPath(directory), "evaluation", EvaluationReportWriter.JsonFileName);
        if (!File.Exists(path))
        {
            return (null, $"The model directory has no evaluation report ({path}); run `fleetcast evaluate --out <model dir>/evaluation`.");
        }

        try
        {
            var report = JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path), FleetJson.Options);
            return report is null ? (null, $"{path} is empty.") : (report, $"Held-out evaluation shipped with the model ({path}).");
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _logger.LogWarning("Could not read the evaluation report {Path}: {Reason}", path, exception.Message);
            return (null, $"The evaluation report {path} could not be read: {exception.Message}");
        }
    }
}
